//! normalize: the map's invariants on random text in every mode, and the
//! values of mentions surviving a rewrite (the rewritten text reads back to
//! the same numbers, units and currencies).

mod common;

use copydesk_core::{normalize, quantities, tokenize, KindSet, NormalizeOptions, Normalized, QuantityKind, UnitSystem};

fn run(text: &str, options: NormalizeOptions) -> Normalized {
    normalize(text, &quantities(text, &tokenize(text)), &options)
}

/// Rewrites in order and in bounds, the text between them copied unchanged,
/// and the offset map monotone, in bounds and exact at rewrites' ends.
#[track_caller]
fn check_map(text: &str, n: &Normalized) {
    let (mut new, mut old) = (0, 0);
    for r in &n.rewrites {
        assert!(new <= r.start && r.start < r.end && r.end <= n.text.len(), "{text:?}: {r:?}");
        assert!(old <= r.original_start && r.original_start < r.original_end && r.original_end <= text.len());
        assert_eq!(n.text[new..r.start], text[old..r.original_start], "{text:?}");
        assert_ne!(n.text[r.start..r.end], text[r.original_start..r.original_end], "{text:?}");
        assert_eq!((n.to_original(r.start), n.to_original(r.end)), (r.original_start, r.original_end));
        assert_eq!((n.to_new(r.original_start), n.to_new(r.original_end)), (r.start, r.end));
        (new, old) = (r.end, r.original_end);
    }
    assert_eq!(n.text[new..], text[old..], "{text:?}");
    let mut last = 0;
    for (o, _) in n.text.char_indices().chain([(n.text.len(), ' ')]) {
        let back = n.to_original(o);
        assert!(last <= back && back <= text.len() && text.is_char_boundary(back), "{text:?} at {o}");
        last = back;
    }
}


#[test]
fn map_invariants_on_random_text() {
    let modes = [
        NormalizeOptions::default(),
        NormalizeOptions { units: UnitSystem::Si, kinds: KindSet::ALL },
        NormalizeOptions { units: UnitSystem::Canonical, kinds: KindSet::EMPTY.with(QuantityKind::Money) },
    ];
    let mut rewritten = 0;
    for t in common::random_texts(0x2545F4914F6CDD1D, 3000, 30) {
        for options in modes {
            let n = run(&t, options);
            check_map(&t, &n);
            rewritten += n.rewrites.len();
        }
    }
    // The pieces make mentions: the invariants were checked on real rewrites.
    assert!(rewritten > 1000, "{rewritten}");
}

/// Mentions as news writes them, each a sentence's worth of context away from the next.
const WRITTEN: &[&str] = &[
    "one",
    "twenty-five",
    "half a million",
    "1.2 million",
    "12 million",
    "3.5 billion",
    "5,000",
    "816 000",
    "a dozen",
    "two hundred and fifty",
    "£3bn",
    "£3.5bn",
    "$40",
    "50p",
    "19 cents",
    "1.5 million euros",
    "US$2.4m",
    "€120",
    "12 per cent",
    "12%",
    "2 percentage points",
    "25 basis points",
    "50 miles",
    "70km",
    "12 months",
    "one year",
    "two more years",
    "a two-year contract",
    "a 20-year-old man",
    "a five-mile walk",
    "-5C",
    "45 degrees",
    "6ft 2in",
    "2.5kg",
    "half a mile",
    "300-400 km",
    "$5-$10",
    "5-10 per cent",
    "between 5 and 10 per cent",
    "from 10 to 15 years",
    "four to five thousand",
    "0.07 million",
    "1,234,567",
    "1,500",
    "fifteen hundred",
    "1,500 to 2,000",
    "1,800 km",
    "£1,500",
    "2,000 tonnes",
    "up to 1-2 km",
    "1,500-1,600 km",
    "the 21st century",
    "the second time",
    "120mph",
    "3,000 tonnes",
    "a 10- to 15-year sentence",
    "40 hours a week",
    "3 mm a year",
    "5% a year",
    "$58.24 per barrel",
    "C$6 (US$4.46) per share",
    "a $5-a-day habit",
    "eight or nine euros",
    "five point five percent",
    "Rs 1,20,000",
    "10 or 15 km",
    "a 7- or 8-mile walk",
    "two- or three-day visits",
    "four-, five- and six-cylinder engines",
    "a 12-page report",
];

const QUANTITY_KINDS: [QuantityKind; 5] =
    [QuantityKind::Number, QuantityKind::Money, QuantityKind::Percent, QuantityKind::Quantity, QuantityKind::Range];

/// `(kind, value, high, unit)` of the mentions of the kinds whose values survive.
fn values(text: &str) -> Vec<(QuantityKind, f64, Option<f64>, Option<&'static str>)> {
    quantities(text, &tokenize(text))
        .into_iter()
        .filter(|q| QUANTITY_KINDS.contains(&q.kind))
        .map(|q| (q.kind, q.value, q.high, q.unit))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

#[test]
fn values_survive_the_rewrite_and_a_second_one_changes_nothing() {
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // Each mention alone, then four at a time at random.
    let alone = WRITTEN.iter().map(|w| vec![*w]);
    let mixed = (0..400).map(|_| (0..4).map(|_| WRITTEN[(next() % WRITTEN.len() as u64) as usize]).collect());
    for picks in alone.chain(mixed).collect::<Vec<Vec<&str>>>() {
        let text: String = picks.iter().map(|w| format!("They said {w} were reported on Monday. ")).collect();
        let n = run(&text, NormalizeOptions::default());
        let (before, after) = (values(&text), values(&n.text));
        assert_eq!(before.len(), after.len(), "{text:?} -> {:?}", n.text);
        for (a, b) in before.iter().zip(&after) {
            let same = a.0 == b.0
                && close(a.1, b.1)
                && a.2.is_some() == b.2.is_some()
                && a.2.zip(b.2).is_none_or(|(x, y)| close(x, y))
                && a.3 == b.3;
            assert!(same, "{text:?} -> {:?}: {a:?} != {b:?}", n.text);
        }
        let again = run(&n.text, NormalizeOptions::default());
        assert_eq!(again.text, n.text, "{text:?}");
        assert!(again.rewrites.is_empty());
    }
}
