//! Quantities on any UTF-8 text: no panic, mentions in bounds, ordered and
//! non-overlapping, on char boundaries, with finite values where known; and
//! normalize over them: the text between rewrites copied unchanged and the
//! offset map monotone and in bounds.
#![no_main]
use copydesk_core::{normalize, quantities, tokenize, KindSet, NormalizeOptions, QuantityKind, UnitSystem};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let tokens = tokenize(text);
    let found = quantities(text, &tokens);
    let mut prev = 0;
    for q in &found {
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
    let units = if data.len() % 2 == 0 { UnitSystem::Canonical } else { UnitSystem::Si };
    let n = normalize(text, &found, &NormalizeOptions { units, kinds: KindSet::ALL });
    let (mut new, mut old) = (0, 0);
    for r in &n.rewrites {
        assert!(new <= r.start && r.start < r.end && old <= r.original_start && r.original_start < r.original_end);
        assert_eq!(n.text[new..r.start], text[old..r.original_start]);
        (new, old) = (r.end, r.original_end);
    }
    assert_eq!(n.text[new..], text[old..]);
    let mut last = 0;
    for (o, _) in n.text.char_indices() {
        let back = n.to_original(o);
        assert!(last <= back && back <= text.len());
        last = back;
    }
});
