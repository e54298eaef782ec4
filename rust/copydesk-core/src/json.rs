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
        let mut cur = Converter::new(text, bytes);
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
        let mut cur = Converter::new(text, bytes);
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
        let mut cur = Converter::new(text, bytes);
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
            for (name, s) in [("speaker", q.speaker), ("cue", q.cue)] {
                out.push_str(",\"");
                out.push_str(name);
                out.push_str("\":");
                match s {
                    Some(s) => {
                        span(out, cur.get(s.start), cur.get(s.end));
                        out.push('}');
                    }
                    None => out.push_str("null"),
                }
            }
            out.push('}');
        }
        out.push(']');
    }
    if layers.quantities {
        member(out, "quantities");
        let mut cur = Converter::new(text, bytes);
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
            match q.counted {
                Some(c) => {
                    span(out, cur.get(c.start), cur.get(c.end));
                    out.push('}');
                }
                None => out.push_str("null"),
            }
            out.push_str(",\"change\":");
            push_opt_str(out, q.change.map(|c| c.name()));
            out.push('}');
        }
        out.push(']');
    }
}

fn push_f64(out: &mut String, x: Option<f64>) {
    match x {
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
fn span(out: &mut String, start: usize, end: usize) {
    out.push_str("{\"start\":");
    push_uint(out, start);
    out.push_str(",\"end\":");
    push_uint(out, end);
}

fn push_uint(out: &mut String, mut n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // The buffer holds ASCII digits only.
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

struct Converter<'a> {
    cursor: CharCursor<'a>,
    identity: bool,
}

impl<'a> Converter<'a> {
    fn new(text: &'a str, bytes: bool) -> Self {
        let cursor = CharCursor::new(text);
        let identity = bytes || cursor.is_identity();
        Converter { cursor, identity }
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
