//! Quotations on any UTF-8 text: no panic, pieces in bounds and in order,
//! each opening at a quote token, properly nested, groups in document order.
#![no_main]
use copydesk_core::{quotes, sentences, tokenize, TokenKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let tokens = tokenize(text);
    let spans = sentences(text, &tokens);
    let found = quotes(text, &tokens, &spans);
    let mut last_group = None;
    for (i, q) in found.iter().enumerate() {
        assert!(q.start < q.end && q.end <= text.len(), "{q:?}");
        assert!(tokens.iter().any(|t| t.start == q.start && t.kind == TokenKind::Quote), "{q:?}");
        if i > 0 {
            assert!(found[i - 1].start < q.start);
        }
        if let Some(p) = q.parent {
            let parent = &found[p];
            assert!(p < i && parent.start < q.start && q.end <= parent.end && q.depth == parent.depth + 1);
        }
        for other in &found[..i] {
            // No crossing spans: disjoint or nested.
            assert!(other.end <= q.start || q.end <= other.end, "{other:?} crosses {q:?}");
        }
        if last_group.is_none_or(|g| q.group > g) {
            assert_eq!(q.group, last_group.map_or(0, |g| g + 1));
            last_group = Some(q.group);
        }
    }
});
