//! Amounts in front of a unit: digits (`48`, `2.5`, `2 1/2`), number words
//! (`twenty-four`, `a hundred`, `one and a half`) and vague amounts
//! (`several`, `a few`), read token by token.

use super::lexicon::{is_vague_amount, small_number};
use super::view::View;

/// How many units an expression counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    /// A known number, possibly fractional.
    Exact(f64),
    /// "several", "a few", "many": the TIMEX3 `X`.
    Vague,
}

/// Reads a number written in digits at `i`: `48`, `1,000`, `2.5`, `2 1/2`, `1/2`.
pub(crate) fn digits(v: &View, i: usize) -> Option<(usize, f64)> {
    let w = v.w(i);
    let n = plain_number(w)?;
    // "2 1/2": a whole number followed by a fraction.
    if !w.contains(['.', '/'])
        && let Some(f) = fraction(v.w(i + 1))
    {
        return Some((i + 2, n + f));
    }
    if let Some(f) = fraction(w) {
        return Some((i + 1, f));
    }
    Some((i + 1, n))
}

fn plain_number(w: &str) -> Option<f64> {
    if w.is_empty() || !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Digits alone, as most numbers are: their value is exact in an f64 up to
    // 15 digits, as `parse` would give it, without the copy.
    if w.len() <= 15 && w.bytes().all(|b| b.is_ascii_digit()) {
        return Some(w.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64);
    }
    if let Some(f) = fraction(w) {
        return Some(f);
    }
    if !w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') || w.matches('.').count() > 1 {
        return None;
    }
    // Thousands separators only in groups of three.
    if w.contains(',') {
        let mut groups = w.split('.').next()?.split(',');
        let lead = groups.next()?;
        if lead.is_empty() || lead.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
        return w.replace(',', "").parse::<f64>().ok();
    }
    // Without commas the number is read as written, not copied first.
    w.parse::<f64>().ok()
}

fn fraction(w: &str) -> Option<f64> {
    match w {
        "\u{bd}" => return Some(0.5),
        "\u{bc}" => return Some(0.25),
        "\u{be}" => return Some(0.75),
        _ => {}
    }
    let (a, b) = w.split_once('/')?;
    let a: f64 = a.parse().ok()?;
    let b: f64 = b.parse().ok()?;
    (b > 0.0 && a < b && b <= 12.0).then(|| a / b)
}

/// Reads a number written in words at `i`: `twenty-four`, `twenty four`,
/// `a hundred`, `two thousand`, `one hundred and ten`.
pub(crate) fn words(v: &View, i: usize) -> Option<(usize, f64)> {
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    loop {
        let w = v.w(j);
        if let Some(n) = small_number(w) {
            // "twenty-four" / "twenty four": tens then units.
            if current > 0.0 && !(current >= 20.0 && current % 10.0 == 0.0 && n < 10) {
                break;
            }
            current += n as f64;
            any = true;
            j += 1;
            if n >= 20 && n % 10 == 0 && v.glued_hyphen(j) && small_number(v.w(j + 1)).is_some_and(|u| u < 10) {
                j += 1;
            }
            continue;
        }
        if (w == "a" || w == "one") && !any && matches!(v.w(j + 1), "hundred" | "thousand" | "dozen") {
            current = 1.0;
            any = true;
            j += 1;
            continue;
        }
        match w {
            "hundred" if any && current > 0.0 => {
                current *= 100.0;
                j += 1;
                if v.is(j, "and") && small_number(v.w(j + 1)).is_some() {
                    j += 1;
                }
            }
            "thousand" if any && (current > 0.0 || total > 0.0) => {
                total += current.max(1.0) * 1000.0;
                current = 0.0;
                j += 1;
            }
            "dozen" if any => {
                current *= 12.0;
                j += 1;
            }
            _ => break,
        }
    }
    any.then_some((j, total + current))
}

/// Reads the amount in front of a unit at `i`, with `a`/`an` counting one:
/// returns the index after it and the amount. Kept for the last tokens it
/// was read at (`View::amounts`): the patterns ask at the same tokens again
/// and again.
pub(crate) fn amount(v: &View, i: usize) -> Option<(usize, Amount)> {
    let memo = &v.amounts[i % v.amounts.len()];
    if let Some((at, known)) = memo.get()
        && at == i
    {
        return known;
    }
    let found = read_amount(v, i);
    memo.set(Some((i, found)));
    found
}

fn read_amount(v: &View, i: usize) -> Option<(usize, Amount)> {
    let w = v.w(i);
    // "a couple of", "a few", "a dozen"
    if w == "a" || w == "an" {
        if v.is(i + 1, "couple") {
            let j = if v.is(i + 2, "of") { i + 3 } else { i + 2 };
            return Some((j, Amount::Exact(2.0)));
        }
        if v.is(i + 1, "few") {
            return Some((i + 2, Amount::Vague));
        }
        if let Some((j, n)) = words(v, i) {
            return Some((with_half(v, j, n)?, Amount::Exact(with_half_value(v, j, n))));
        }
        // "a half": handled by the unit grammar as half a unit.
        return Some((i + 1, Amount::Exact(1.0)));
    }
    // "the next couple of years"
    if w == "couple" && i > 0 && !v.is(i - 1, "a") {
        let j = if v.is(i + 1, "of") { i + 2 } else { i + 1 };
        return Some((j, Amount::Exact(2.0)));
    }
    if is_vague_amount(w) {
        // "several hundred years" is still vague.
        let j = if v.any(i + 1, &["hundred", "thousand", "dozen"]) { i + 2 } else { i + 1 };
        return Some((j, Amount::Vague));
    }
    if w == "half" && (v.is(i + 1, "a") || v.is(i + 1, "an")) {
        return Some((i + 2, Amount::Exact(0.5)));
    }
    if let Some((j, n)) = digits(v, i) {
        return Some((with_half(v, j, n)?, Amount::Exact(with_half_value(v, j, n))));
    }
    if let Some((j, n)) = words(v, i) {
        return Some((with_half(v, j, n)?, Amount::Exact(with_half_value(v, j, n))));
    }
    None
}

/// "one and a half": the index after an optional "and a half".
fn with_half(v: &View, j: usize, _n: f64) -> Option<usize> {
    if v.is(j, "and") && v.is(j + 1, "a") && v.is(j + 2, "half") { Some(j + 3) } else { Some(j) }
}

fn with_half_value(v: &View, j: usize, n: f64) -> f64 {
    if v.is(j, "and") && v.is(j + 1, "a") && v.is(j + 2, "half") { n + 0.5 } else { n }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Segmented;

    fn read(text: &str) -> Option<(usize, Amount)> {
        let seg = Segmented::new(text);
        let v = View::new(&seg);
        amount(&v, 0)
    }

    #[test]
    fn plain_digits_read_as_parse_reads_them() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for len in 1..=20 {
            for _ in 0..200 {
                let w: String = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        char::from(b'0' + (x % 10) as u8)
                    })
                    .collect();
                assert_eq!(plain_number(&w), w.parse::<f64>().ok(), "{w}");
            }
        }
        for w in ["0", "007", "999999999999999", "1,000", "1,000.5", "2.5", "3/4", "1996"] {
            assert_eq!(plain_number(w), w.replace(',', "").parse::<f64>().ok().or(fraction(w)), "{w}");
        }
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(read("48 hours"), Some((1, Amount::Exact(48.0))));
        assert_eq!(read("2 1/2 years"), Some((2, Amount::Exact(2.5))));
        assert_eq!(read("twenty-four hours"), Some((3, Amount::Exact(24.0))));
        assert_eq!(read("twenty four hours"), Some((2, Amount::Exact(24.0))));
        assert_eq!(read("a hundred years"), Some((2, Amount::Exact(100.0))));
        assert_eq!(read("two thousand years"), Some((2, Amount::Exact(2000.0))));
        assert_eq!(read("one and a half years"), Some((4, Amount::Exact(1.5))));
        assert_eq!(read("a couple of years"), Some((3, Amount::Exact(2.0))));
        assert_eq!(read("a few days"), Some((2, Amount::Vague)));
        assert_eq!(read("several weeks"), Some((1, Amount::Vague)));
        assert_eq!(read("a week"), Some((1, Amount::Exact(1.0))));
        assert_eq!(read("1,000 days"), Some((1, Amount::Exact(1000.0))));
        assert_eq!(read("twenty one"), Some((2, Amount::Exact(21.0))));
        assert_eq!(read("five six"), Some((1, Amount::Exact(5.0))));
    }
}
