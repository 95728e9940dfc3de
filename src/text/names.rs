//! Names kept once: a file's campaign names, a list's platforms and files,
//! each text shared by every value that repeats it.

use std::collections::HashSet;
use std::sync::Arc;

/// The names met so far, each kept once.
#[derive(Debug, Default)]
pub struct Names(HashSet<Arc<str>>);

impl Names {
    /// `name`, shared with every earlier value that named the same.
    pub fn of(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(name) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(name);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_met_twice_is_kept_once() {
        let mut names = Names::default();
        let first = names.of("Ramadan");
        let again = names.of("Ramadan");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(!Arc::ptr_eq(&first, &names.of("Eid")));
        assert_eq!(&*again, "Ramadan");
    }
}
