//! Summaries of repeated measurements, numbers written for reading, and positions on a log
//! scale. Written without core's float formatting and sorting, which would cost the browser
//! bundle about 20 KB.

/// The median and spread of a set of samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub samples: usize,
}

impl Spread {
    /// None for no samples.
    pub fn of(samples: &[f64]) -> Option<Spread> {
        let mut sorted = samples.to_vec();
        sort_by_key(&mut sorted, |v| *v);
        let n = sorted.len();
        let median = match n {
            0 => return None,
            _ if n % 2 == 1 => sorted[n / 2],
            _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        };
        Some(Spread {
            median,
            min: sorted[0],
            max: sorted[n - 1],
            samples: n,
        })
    }
}

/// Insertion sort: the lab sorts a dozen items at a time.
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> f64) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// `value` with `decimals` digits after the point, rounded half away from zero.
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let scale = 10u64.pow(decimals);
    let n = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && n != 0 { "-" } else { "" };
    let (whole, part) = (n / scale, n % scale);
    match decimals {
        0 => format!("{sign}{whole}"),
        d => format!("{sign}{whole}.{part:0width$}", width = d as usize),
    }
}

/// A whole number with its thousands grouped: 697,500.
pub fn grouped(value: f64) -> String {
    let digits = fixed(value, 0);
    let (sign, digits) = digits.split_at(usize::from(digits.starts_with('-')));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// How many times as fast the faster of two was, for `ratio` = one's time over the other's:
/// always a multiple of at least 1, never a fraction, written for reading.
pub fn times_as_fast(ratio: f64) -> String {
    readable(ratio.max(1.0 / ratio))
}

/// A number for reading: about three significant digits.
pub fn readable(value: f64) -> String {
    let decimals = match value.abs() {
        v if v >= 100.0 => 0,
        v if v >= 10.0 => 1,
        v if v >= 1.0 => 2,
        _ => 3,
    };
    fixed(value, decimals)
}

/// Where `value` falls on a logarithmic axis from 10^`low` to 10^`high`, as a percentage
/// (clamped to 0..=100): the lab's charts put bytes to gigabytes, or microseconds to tens of
/// seconds, on one readable line.
pub fn log_percent(value: f64, low: i32, high: i32) -> f64 {
    let at = (value.max(f64::MIN_POSITIVE).log10() - f64::from(low)) / f64::from(high - low);
    (100.0 * at).clamp(0.0, 100.0)
}

/// The powers of ten of such an axis, for its ticks: (exponent, position in percent).
pub fn log_decades(low: i32, high: i32) -> impl Iterator<Item = (i32, f64)> {
    (low..=high).map(move |e| (e, 100.0 * f64::from(e - low) / f64::from(high - low)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_spread() {
        let s = Spread::of(&[5.0, 1.0, 3.0]).unwrap();
        assert_eq!((s.median, s.min, s.max, s.samples), (3.0, 1.0, 5.0, 3));
        assert_eq!(Spread::of(&[4.0, 1.0, 2.0, 3.0]).unwrap().median, 2.5);
        assert_eq!(Spread::of(&[]), None);
    }

    #[test]
    fn numbers_for_reading() {
        assert_eq!(
            times_as_fast(0.5),
            "2.00",
            "a fraction reads as the other way round"
        );
        assert_eq!(times_as_fast(2.0), "2.00");
        assert_eq!(readable(1234.6), "1235");
        assert_eq!(readable(12.34), "12.3");
        assert_eq!(readable(1.235), "1.24");
        assert_eq!(readable(0.01234), "0.012");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(f64::NAN, 2), "–");
        assert_eq!(fixed(7.0, 3), "7.000");
        assert_eq!(grouped(697_500.0), "697,500");
        assert_eq!(grouped(-1234.0), "-1,234");
        assert_eq!(grouped(999.0), "999");
    }

    #[test]
    fn sorting() {
        let mut v = [3.0, 1.0, 2.0, 1.0];
        sort_by_key(&mut v, |x| *x);
        assert_eq!(v, [1.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn positions_on_a_log_axis() {
        assert_eq!(super::log_percent(1.0, 0, 8), 0.0);
        assert_eq!(super::log_percent(1e4, 0, 8), 50.0);
        assert_eq!(super::log_percent(1e9, 0, 8), 100.0);
        assert_eq!(super::log_percent(0.0, 0, 8), 0.0);
    }
}
