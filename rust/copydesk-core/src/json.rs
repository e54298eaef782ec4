//! The output schema as JSON text, written straight from an [`Analysis`].
//!
//! `copydesk annotate` writes one JSON object per document; building Python
//! dicts for every span only to serialise them again would cost more than the
//! analysis itself, so the layers are written here, with code-point offsets.

use crate::analysis::{Analysis, Layers};
use crate::offsets::CharCursor;

/// Appends the requested layers of `a` as JSON members (`"sentences":[…]`,
/// comma-separated, no braces) to `out`. Offsets are code points unless `bytes`.
pub fn write_layers(text: &str, a: &Analysis, layers: Layers, bytes: bool, out: &mut String) {
    // One cursor for the document (the ASCII check is a pass over the text),
    // rewound for each layer: offsets are in order within a layer.
    let mut cur = Converter::new(text, bytes);
    let mut first = true;
    let mut member = |out: &mut String, name: &str| {
        if !first {
            out.push(',');
        }
        first = false;
        out.push('"');
        out.push_str(name);
        out.push_str("\":[");
    };
    if layers.tokens {
        member(out, "tokens");
        cur.rewind();
        for (k, t) in a.tokens.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            span(out, cur.get(t.start), cur.get(t.end));
            out.push_str(",\"kind\":\"");
            out.push_str(t.kind.name());
            out.push_str("\"}");
        }
        out.push(']');
    }
    if layers.sentences {
        member(out, "sentences");
        cur.rewind();
        for (k, s) in a.sentences.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            span(out, cur.get(s.start), cur.get(s.end));
            out.push('}');
        }
        out.push(']');
    }
    if layers.quotes {
        member(out, "quotes");
        cur.rewind();
        for (k, q) in a.quotes.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            span(out, cur.get(q.start), cur.get(q.end));
            out.push_str(if q.closed { ",\"closed\":true" } else { ",\"closed\":false" });
            out.push_str(",\"kind\":\"");
            out.push_str(q.kind.name());
            out.push_str("\",\"group\":");
            push_uint(out, q.group);
            out.push_str(",\"depth\":");
            push_uint(out, q.depth);
            out.push_str(",\"parent\":");
            match q.parent {
                Some(p) => push_uint(out, p),
                None => out.push_str("null"),
            }
            out.push_str(",\"marks\":");
            push_str(out, q.marks);
            out.push_str(",\"speaker\":");
            push_opt_span(out, &mut cur, q.speaker);
            out.push_str(",\"cue\":");
            push_opt_span(out, &mut cur, q.cue);
            out.push('}');
        }
        out.push(']');
    }
    if layers.quantities {
        member(out, "quantities");
        cur.rewind();
        for (k, q) in a.quantities.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            span(out, cur.get(q.start), cur.get(q.end));
            out.push_str(",\"text\":");
            push_str(out, q.text(text));
            out.push_str(",\"kind\":\"");
            out.push_str(q.kind.name());
            out.push_str("\",\"value\":");
            push_f64(out, Some(q.value));
            out.push_str(",\"high\":");
            push_f64(out, q.high);
            out.push_str(",\"unit\":");
            push_opt_str(out, q.unit);
            out.push_str(",\"dimension\":");
            push_opt_str(out, q.dimension);
            out.push_str(",\"si_value\":");
            push_f64(out, q.si_value);
            out.push_str(",\"si_unit\":");
            push_opt_str(out, q.si_unit);
            out.push_str(",\"modifier\":");
            push_opt_str(out, q.modifier.map(|m| m.name()));
            out.push_str(",\"iso\":");
            push_opt_str(out, q.iso.as_deref());
            out.push_str(",\"counted\":");
            push_opt_span(out, &mut cur, q.counted);
            out.push_str(",\"change\":");
            push_opt_str(out, q.change.map(|c| c.name()));
            out.push('}');
        }
        out.push(']');
    }
}

fn push_f64(out: &mut String, x: Option<f64>) {
    match x {
        // Most values are whole numbers (years, counts, scaled amounts): written
        // as integers they need no float formatting, and `{v}` would print the
        // same digits (it never uses an exponent). -0.0 prints as "-0": left to it.
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 && !(v == 0.0 && v.is_sign_negative()) => {
            if v < 0.0 {
                out.push('-');
            }
            push_uint(out, v.abs() as usize);
        }
        Some(v) if v.is_finite() => {
            use std::fmt::Write;
            let _ = write!(out, "{v}");
        }
        _ => out.push_str("null"),
    }
}

fn push_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.push_str("null"),
    }
}

/// A JSON string, escaped.
fn push_str(out: &mut String, s: &str) {
    out.push('"');
    if !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `{"start":S,"end":E` (left open for more fields).
/// `{"start":…,"end":…}` or `null`: a quotation's speaker or cue, what a count counts.
fn push_opt_span(out: &mut String, cur: &mut Converter, s: Option<crate::Span>) {
    match s {
        Some(s) => {
            span(out, cur.get(s.start), cur.get(s.end));
            out.push('}');
        }
        None => out.push_str("null"),
    }
}

fn span(out: &mut String, start: usize, end: usize) {
    out.push_str("{\"start\":");
    push_uint(out, start);
    out.push_str(",\"end\":");
    push_uint(out, end);
}

fn push_uint(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

struct Converter<'a> {
    cursor: CharCursor<'a>,
    identity: bool,
}

impl<'a> Converter<'a> {
    fn new(text: &'a str, bytes: bool) -> Self {
        let cursor = if bytes { CharCursor::new(text) } else { CharCursor::indexed(text) };
        let identity = bytes || cursor.is_identity();
        Converter { cursor, identity }
    }

    fn rewind(&mut self) {
        self.cursor.rewind();
    }

    fn get(&mut self, b: usize) -> usize {
        if self.identity {
            b
        } else {
            self.cursor.to_char(b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn writes_the_schema_with_code_point_offsets() {
        let text = "Née. Ok";
        let layers = Layers { tokens: true, sentences: true, quotes: false, quantities: false };
        let mut out = String::new();
        write_layers(text, &analyze(text, layers), layers, false, &mut out);
        assert_eq!(
            out,
            r#""tokens":[{"start":0,"end":3,"kind":"word"},{"start":3,"end":4,"kind":"punct"},{"start":5,"end":7,"kind":"word"}],"sentences":[{"start":0,"end":4},{"start":5,"end":7}]"#
        );
        let mut out = String::new();
        write_layers(text, &analyze(text, layers), Layers { tokens: false, sentences: true, quotes: false, quantities: false }, true, &mut out);
        assert_eq!(out, r#""sentences":[{"start":0,"end":5},{"start":6,"end":8}]"#);
    }

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        let mut values = vec![0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 2022.0, 1.2e6, 3e9, 80467.2, 1e15 - 1.0, 1e15, 1e16, 1e21, -1e21];
        values.extend([f64::MAX, f64::MIN, f64::MIN_POSITIVE, f64::EPSILON, 4503599627370496.5, 9007199254740993.0]);
        // A deterministic spread of bit patterns and of whole numbers.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x));
            values.push((x % 10_000_000_000_000_000) as f64 * if x & 1 == 0 { 1.0 } else { -1.0 });
        }
        for v in values {
            let mut out = String::new();
            push_f64(&mut out, Some(v));
            let expected = if v.is_finite() { format!("{v}") } else { "null".to_string() };
            assert_eq!(out, expected, "{v:?}");
        }
        let mut out = String::new();
        push_uint(&mut out, usize::MAX);
        assert_eq!(out, usize::MAX.to_string());
    }

    #[test]
    fn writes_quotes_with_speaker_and_cue() {
        let text = "“Go,” she said. A \"word\".";
        let layers = Layers { tokens: false, sentences: false, quotes: true, quantities: false };
        let mut out = String::new();
        write_layers(text, &analyze(text, layers), layers, false, &mut out);
        let v: serde_json::Value = serde_json::from_str(&format!("{{{out}}}")).unwrap();
        let q = &v["quotes"];
        assert_eq!(q[0]["start"], 0);
        assert_eq!(q[0]["end"], 5);
        assert_eq!(q[0]["marks"], "“”");
        assert_eq!(q[0]["speaker"]["start"], 6);
        assert_eq!(q[0]["cue"]["end"], 14);
        assert_eq!(q[1]["marks"], "\"");
        assert_eq!(q[1]["parent"], serde_json::Value::Null);
    }

    #[test]
    fn writes_quantities_with_nulls_for_what_is_not_known() {
        let text = "around 50 miles in February 2022";
        let layers = Layers { tokens: false, sentences: false, quotes: false, quantities: true };
        let mut out = String::new();
        write_layers(text, &analyze(text, layers), layers, false, &mut out);
        let v: serde_json::Value = serde_json::from_str(&format!("{{{out}}}")).unwrap();
        let q = &v["quantities"];
        assert_eq!(q[0]["text"], "50 miles");
        assert_eq!(q[0]["si_value"], 80467.2);
        assert_eq!(q[0]["modifier"], "approximately");
        assert_eq!(q[1]["kind"], "date");
        assert_eq!(q[1]["value"], serde_json::Value::Null);
        assert_eq!(q[1]["iso"], "2022-02");
    }
}
