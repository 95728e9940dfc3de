//! Punycode (RFC 3492), the ASCII form of a non-Latin domain label: X
//! measures a URL's host in that form, and a label longer than 63 letters
//! there is no host at all.

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
    delta /= if first { DAMP } else { 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

fn digit(d: u32) -> char {
    // 0..26 are a..z, 26..36 are 0..9.
    char::from_u32(if d < 26 { d + 97 } else { d + 22 }).unwrap_or('?')
}

/// The Punycode of `label` (without the `xn--` prefix), or `None` on overflow.
#[allow(clippy::many_single_char_names)] // RFC 3492's own names.
pub(super) fn encode(label: &str) -> Option<String> {
    let input: Vec<u32> = label.chars().map(u32::from).collect();
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = u32::try_from(output.len()).ok()?;
    let mut handled = basic;
    if basic > 0 {
        output.push('-');
    }
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let total = u32::try_from(input.len()).ok()?;
    while handled < total {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(output)
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn encodes_the_rfc_3492_samples() {
        // RFC 3492 section 7.1 (A) Arabic (Egyptian) and (L) Japanese.
        assert_eq!(
            encode("ليهمابتكلموشعربي؟").as_deref(),
            Some("egbpdaj6bu4bxfgehfvwxn")
        );
        assert_eq!(
            encode("3年B組金八先生").as_deref(),
            Some("3B-ww4c5e180e575a65lsy2b")
        );
        assert_eq!(encode("bücher").as_deref(), Some("bcher-kva"));
        assert_eq!(encode("☃").as_deref(), Some("n3h"));
    }

    /// Labels of every mix (ASCII, Latin, Arabic, CJK, emoji; short and
    /// long, so the bias adapts both ways) against Python's own `punycode`
    /// codec, an implementation written apart from this one.
    #[test]
    fn agrees_with_pythons_punycode_codec() {
        use std::io::Write;
        const ALPHABET: &[char] = &[
            'a', 'z', '0', '9', '-', 'é', 'ü', 'ß', 'ا', 'ل', 'ي', 'ه', '؟', '٣', '金', '先', '生',
            '😀', '🇸', 'ア', 'ж', 'Ω',
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % below as u64).unwrap()
        };
        let labels: Vec<String> = (0..600)
            .map(|_| {
                let len = 1 + next(40);
                (0..len).map(|_| ALPHABET[next(ALPHABET.len())]).collect()
            })
            .collect();
        let mut python = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys\nfor line in sys.stdin.read().split('\\n'):\n    print(line.encode('punycode').decode())",
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs");
        python
            .stdin
            .take()
            .unwrap()
            .write_all(labels.join("\n").as_bytes())
            .unwrap();
        let out = python.wait_with_output().unwrap();
        assert!(out.status.success());
        let expected: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
        assert_eq!(expected.len(), labels.len());
        for (label, want) in labels.iter().zip(expected) {
            assert_eq!(encode(label).as_deref(), Some(want), "{label}");
        }
    }

    /// The bias adaptation alone, around each of its edges (the damping,
    /// the 455 above which it scales down), against Python's `adapt`.
    #[test]
    fn adapts_the_bias_as_pythons_codec_does() {
        let mut cases = Vec::new();
        for delta in (0..2_000).chain(318_000..319_000).chain([u32::MAX / 40]) {
            for points in [1, 2, 3, 7, 36, 1_000] {
                for first in [false, true] {
                    cases.push((delta, points, first));
                }
            }
        }
        // The same grid, in the same order, walked by Python.
        let script = "from encodings.punycode import adapt
import itertools
deltas = itertools.chain(range(0, 2000), range(318000, 319000), [4294967295 // 40])
for d in deltas:
    for p in [1, 2, 3, 7, 36, 1000]:
        for f in [False, True]:
            print(adapt(d, f, p))";
        let out = std::process::Command::new("python3")
            .args(["-c", script])
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected: Vec<u32> = std::str::from_utf8(&out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.parse().unwrap())
            .collect();
        assert_eq!(expected.len(), cases.len());
        for ((delta, points, first), want) in cases.into_iter().zip(expected) {
            assert_eq!(
                super::adapt(delta, points, first),
                want,
                "{delta} {points} {first}"
            );
        }
    }
}
