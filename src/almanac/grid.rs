//! A month of the content calendar as a grid (filled in below).
