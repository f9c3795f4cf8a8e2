//! Positions on a logarithmic axis, shared by the lab's charts: sizes from bytes to gigabytes,
//! times from microseconds to tens of seconds sit on one readable line.

/// Where `value` falls between 10^`low` and 10^`high`, as a percentage (clamped to 0..=100).
pub fn percent(value: f64, low: i32, high: i32) -> f64 {
    let at = (value.max(f64::MIN_POSITIVE).log10() - f64::from(low)) / f64::from(high - low);
    (100.0 * at).clamp(0.0, 100.0)
}

/// The powers of ten of the axis, for its ticks: (exponent, position in percent).
pub fn decades(low: i32, high: i32) -> impl Iterator<Item = (i32, f64)> {
    (low..=high).map(move |e| (e, 100.0 * f64::from(e - low) / f64::from(high - low)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn positions_on_a_log_axis() {
        assert_eq!(super::percent(1.0, 0, 8), 0.0);
        assert_eq!(super::percent(1e4, 0, 8), 50.0);
        assert_eq!(super::percent(1e9, 0, 8), 100.0);
        assert_eq!(super::percent(0.0, 0, 8), 0.0);
    }
}
