//! Quantities on any UTF-8 text: no panic, mentions in bounds, ordered and
//! non-overlapping, on char boundaries, with finite values where known.
#![no_main]
use copydesk_core::{quantities, tokenize, QuantityKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let tokens = tokenize(text);
    let mut prev = 0;
    for q in quantities(text, &tokens) {
        assert!(prev <= q.start && q.start < q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        prev = q.end;
        if !matches!(q.kind, QuantityKind::Date | QuantityKind::Time) {
            assert!(!q.value.is_nan(), "{q:?}");
        }
        if let Some(si) = q.si_value {
            assert!(si.is_finite() || q.value.is_infinite(), "{q:?}");
        }
    }
});
