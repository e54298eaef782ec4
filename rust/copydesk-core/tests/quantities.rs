//! Quantities: the reference article against its gold, and the cases of the
//! quantities issue (numerals, number words, scales, units, money, percent,
//! ranges, modifiers, dates and times, ordinals, the anchors' known failures
//! and the things that are not quantities).

mod common;

mod quantity {
    use super::common;
    use copydesk_core::quantity::{quantities, Quantity, QuantityKind};
    use copydesk_core::tokenize;

    fn q(text: &str) -> Vec<Quantity> {
        quantities(text, &tokenize(text))
    }

    /// The mentions of `text` as `(span text, kind)`.
    fn spans(text: &str) -> Vec<(String, &'static str)> {
        q(text).iter().map(|m| (m.text(text).to_string(), m.kind.name())).collect()
    }

    /// The one mention whose text is `span`.
    #[track_caller]
    fn one(text: &str, span: &str) -> Quantity {
        let all = q(text);
        let found: Vec<&Quantity> = all.iter().filter(|m| m.text(text) == span).collect();
        assert_eq!(found.len(), 1, "{span:?} in {text:?}: got {:?}", spans(text));
        found[0].clone()
    }

    #[track_caller]
    fn close(a: f64, b: f64) {
        assert!((a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0), "{a} != {b}");
    }

    #[track_caller]
    fn value(text: &str, span: &str, kind: &str, v: f64) -> Quantity {
        let m = one(text, span);
        assert_eq!(m.kind.name(), kind, "{span:?}: {m:?}");
        close(m.value, v);
        m
    }

    #[track_caller]
    fn unit(text: &str, span: &str, kind: &str, v: f64, u: &str, dim: &str, si: Option<f64>) -> Quantity {
        let m = value(text, span, kind, v);
        assert_eq!(m.unit, Some(u), "{span:?}: {m:?}");
        assert_eq!(m.dimension, Some(dim), "{span:?}: {m:?}");
        match (si, m.si_value) {
            (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-6 * a.abs().max(1e-9), "{span:?}: si {b} != {a}"),
            (None, None) => {}
            other => panic!("{span:?}: si {other:?}"),
        }
        m
    }

    /// What the one mention `span` counts, as written.
    #[track_caller]
    fn counted(text: &str, span: &str) -> Option<String> {
        one(text, span).counted.map(|c| text[c.start..c.end].to_string())
    }

    #[track_caller]
    fn nothing(text: &str) {
        assert_eq!(spans(text), vec![], "{text:?}");
    }

    // ---- the reference article ------------------------------------------------

    /// A minimal reader for the gold's flat quantity objects (numbers, strings, null).
    fn gold_quantities(json: &str) -> Vec<Vec<(String, Option<String>)>> {
        let at = json.find("\"quantities\"").expect("gold has quantities");
        let b = &json.as_bytes()[at..];
        let mut i = b.iter().position(|&c| c == b'[').unwrap() + 1;
        let mut out = Vec::new();
        let read_str = |i: &mut usize| -> String {
            let mut s = Vec::new();
            *i += 1;
            while b[*i] != b'"' {
                if b[*i] == b'\\' {
                    *i += 1;
                }
                s.push(b[*i]);
                *i += 1;
            }
            *i += 1;
            String::from_utf8(s).unwrap()
        };
        loop {
            while b[i].is_ascii_whitespace() || b[i] == b',' {
                i += 1;
            }
            if b[i] == b']' {
                break;
            }
            assert_eq!(b[i], b'{');
            i += 1;
            let mut obj = Vec::new();
            loop {
                while b[i].is_ascii_whitespace() || b[i] == b',' {
                    i += 1;
                }
                if b[i] == b'}' {
                    i += 1;
                    break;
                }
                let key = read_str(&mut i);
                while b[i] == b':' || b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let val = if b[i] == b'"' {
                    Some(read_str(&mut i))
                } else {
                    let s = i;
                    while !matches!(b[i], b',' | b'}') {
                        i += 1;
                    }
                    let v = std::str::from_utf8(&b[s..i]).unwrap().trim().to_string();
                    (v != "null").then_some(v)
                };
                obj.push((key, val));
            }
            out.push(obj);
        }
        out
    }

    #[test]
    fn reference_article_matches_gold() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/");
        let text = std::fs::read_to_string(format!("{dir}belarus-metro.txt")).unwrap();
        let gold = std::fs::read_to_string(format!("{dir}belarus-metro.gold.jsonl")).unwrap();
        let gold = gold_quantities(&gold);
        assert_eq!(gold.len(), 9);
        let pred = q(&text);
        // Gold offsets are code points.
        let cp = |byte: usize| text[..byte].chars().count();
        let got: Vec<String> =
            pred.iter().map(|m| format!("{}..{} {:?}", cp(m.start), cp(m.end), m.text(&text))).collect();
        assert_eq!(pred.len(), gold.len(), "predicted {got:#?}");
        for (g, p) in gold.iter().zip(&pred) {
            let field = |k: &str| g.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
            let num = |k: &str| field(k).flatten().map(|v| v.parse::<f64>().unwrap());
            let span = field("text").flatten().unwrap();
            assert_eq!(p.text(&text), span);
            assert_eq!(cp(p.start), num("start").unwrap() as usize, "{span}");
            assert_eq!(cp(p.end), num("end").unwrap() as usize, "{span}");
            let kind = field("kind").flatten().unwrap();
            assert_eq!(p.kind.name(), kind, "{span}");
            match num("value") {
                Some(v) => close(p.value, v),
                None => assert!(p.value.is_nan(), "{span}: value {} for a null", p.value),
            }
            if field("high").is_some() {
                assert_eq!(p.high, num("high"), "{span}");
            }
            if let Some(u) = field("unit") {
                assert_eq!(p.unit.map(str::to_string), u, "{span}");
            }
            if let Some(d) = field("dimension") {
                assert_eq!(p.dimension.map(str::to_string), d, "{span}");
            }
            if field("si_value").is_some() {
                let (a, b) = (num("si_value").unwrap(), p.si_value.expect("si_value"));
                assert!((a - b).abs() <= 1e-3 * a.abs(), "{span}: si {b} != {a}");
                assert_eq!(p.si_unit.map(str::to_string), field("si_unit").flatten(), "{span}");
            }
            assert_eq!(p.modifier.map(|m| m.name().to_string()), field("modifier").flatten(), "{span}");
            if let Some(iso) = field("iso") {
                assert_eq!(p.iso, iso, "{span}");
            }
        }
    }

    // ---- numerals ---------------------------------------------------------------

    #[test]
    fn numerals() {
        let t = "It cost 5,000 then 1.2 and 816\u{a0}000 and 816 000 people and 1\u{2009}000\u{2009}000 and 1e6 cells.";
        value(t, "5,000", "cardinal", 5000.0);
        value(t, "1.2", "cardinal", 1.2);
        value(t, "816\u{a0}000", "cardinal", 816000.0);
        value(t, "816 000", "cardinal", 816000.0);
        value(t, "1\u{2009}000\u{2009}000", "cardinal", 1e6);
        value(t, "1e6", "cardinal", 1e6);
        let t = "Temperatures of −3 and -3 were seen; ½ of them and 2½ more; 3/4 of voters.";
        value(t, "−3", "cardinal", -3.0);
        value(t, "-3", "cardinal", -3.0);
        value(t, "½", "cardinal", 0.5);
        value(t, "2½", "cardinal", 2.5);
        value(t, "3/4", "cardinal", 0.75);
        // A hyphen between words is not a minus sign.
        value("a well-5 thing -5 items", "-5", "cardinal", -5.0);
    }

    #[test]
    fn number_words() {
        let t = "twenty-five, one hundred and twelve, a dozen eggs, two dozen, half a million, a third of voters, two-thirds, three-quarters.";
        value(t, "twenty-five", "cardinal", 25.0);
        value(t, "one hundred and twelve", "cardinal", 112.0);
        value(t, "a dozen", "cardinal", 12.0);
        value(t, "two dozen", "cardinal", 24.0);
        value(t, "half a million", "cardinal", 5e5);
        value(t, "a third", "cardinal", 1.0 / 3.0);
        value(t, "two-thirds", "cardinal", 2.0 / 3.0);
        value(t, "three-quarters", "cardinal", 0.75);
        unit(
            "a quarter of a century",
            "a quarter of a century",
            "quantity",
            0.25,
            "century",
            "duration",
            Some(0.25 * 3155760000.0),
        );
        unit("won by a hundredth of a second", "a hundredth of a second", "quantity", 0.01, "s", "duration", Some(0.01));
        value("a seventh of the land", "a seventh", "cardinal", 1.0 / 7.0);
        // After `a`, an ordinal before its noun still ranks: `a seventh consecutive title`.
        value("a seventh consecutive title, his hundredth birthday", "seventh", "ordinal", 7.0);
        value("a seventh consecutive title, his hundredth birthday", "hundredth", "ordinal", 100.0);
        value("two thousand and five people", "two thousand and five", "cardinal", 2005.0);
        value("three million", "three million", "cardinal", 3e6);
        value("One of them", "One", "cardinal", 1.0);
        value("one and a half million", "one and a half million", "cardinal", 1.5e6);
        value("nineteen hundred", "nineteen hundred", "cardinal", 1900.0);
        // Decimals spoken: digit words after `point`; not the idiom `at one point`.
        value("up five point five percent", "five point five percent", "percent", 5.5);
        value("two point three million people", "two point three million", "cardinal", 2.3e6);
        value("minus five point five", "minus five point five", "cardinal", -5.5);
        assert_eq!(spans("at one point two men left"), vec![("one".into(), "cardinal"), ("two".into(), "cardinal")]);
    }

    #[test]
    fn vague_amounts_are_not_numbers() {
        nothing("dozens of people, hundreds of homes, thousands of troops, millions of pounds, a few, several, tens of thousands");
        nothing("no one came; one another; the one who left");
    }

    #[test]
    fn scale_words_and_suffixes() {
        let t = "1.2 thousand, 3 million, 4 billion, 2 trillion, 5k, 3bn, 2tn, 5 lakh, 3 crore, 2.5mn, 7 mln, 4 bn.";
        value(t, "1.2 thousand", "cardinal", 1200.0);
        value(t, "3 million", "cardinal", 3e6);
        value(t, "4 billion", "cardinal", 4e9);
        value(t, "2 trillion", "cardinal", 2e12);
        value(t, "5k", "cardinal", 5e3);
        value(t, "3bn", "cardinal", 3e9);
        value(t, "2tn", "cardinal", 2e12);
        value(t, "5 lakh", "cardinal", 5e5);
        value(t, "3 crore", "cardinal", 3e7);
        value(t, "2.5mn", "cardinal", 2.5e6);
        value(t, "7 mln", "cardinal", 7e6);
        value(t, "4 bn", "cardinal", 4e9);
        value("1.2m people", "1.2m", "cardinal", 1.2e6);
    }

    // ---- units ----------------------------------------------------------------

    #[test]
    fn units_glued_and_spaced() {
        let t =
            "70km, 50 miles, 100mph, 120 km/h, 3,000 sq km, 15 hectares, 44 tonnes, 1,000MW, 4,000kWh, 40mm, 500GB.";
        unit(t, "70km", "quantity", 70.0, "km", "length", Some(70000.0));
        unit(t, "50 miles", "quantity", 50.0, "mi", "length", Some(80467.2));
        unit(t, "100mph", "quantity", 100.0, "mph", "speed", Some(44.704));
        unit(t, "120 km/h", "quantity", 120.0, "km/h", "speed", Some(120.0 / 3.6));
        unit(t, "3,000 sq km", "quantity", 3000.0, "km²", "area", Some(3e9));
        unit(t, "15 hectares", "quantity", 15.0, "ha", "area", Some(150000.0));
        unit(t, "44 tonnes", "quantity", 44.0, "t", "mass", Some(44000.0));
        unit(t, "1,000MW", "quantity", 1000.0, "MW", "power", Some(1e9));
        unit(t, "4,000kWh", "quantity", 4000.0, "kWh", "energy", Some(4000.0 * 3.6e6));
        unit(t, "40mm", "quantity", 40.0, "mm", "length", Some(0.04));
        unit(t, "500GB", "quantity", 500.0, "GB", "information", Some(4e12));
        let t = "It pumps 3.5 million barrels per day.";
        unit(
            t,
            "3.5 million barrels per day",
            "quantity",
            3.5e6,
            "bbl/d",
            "volume flow",
            Some(3.5e6 * 0.158987294928 / 86400.0),
        );
        unit("a 2.5km/h drift", "2.5km/h", "quantity", 2.5, "km/h", "speed", Some(2.5 / 3.6));
        unit(
            "it is 300 square miles",
            "300 square miles",
            "quantity",
            300.0,
            "mi²",
            "area",
            Some(300.0 * 1609.344 * 1609.344),
        );
        unit("The 1520 sq m centre", "1520 sq m", "quantity", 1520.0, "m²", "area", Some(1520.0));
        unit("about 12 MILES", "12 MILES", "quantity", 12.0, "mi", "length", Some(12.0 * 1609.344));
        // Set in capitals: only the forms the table lists (`PA`, `MI`, `EV` are acronyms).
        unit("fell to 49.55 HZ on", "49.55 HZ", "quantity", 49.55, "Hz", "frequency", Some(49.55));
        unit("a 10 FT wall", "10 FT", "quantity", 10.0, "ft", "length", Some(3.048));
        assert_eq!(spans("20 EV models and 5 PA staff"), vec![("20".into(), "cardinal"), ("5".into(), "cardinal")]);
    }

    #[test]
    fn temperatures() {
        let t = "It was 30°C in Rome, -5C in Oslo and 118F in Phoenix; 20 degrees Celsius; 300 kelvin.";
        unit(t, "30°C", "quantity", 30.0, "°C", "temperature", Some(303.15));
        unit(t, "-5C", "quantity", -5.0, "°C", "temperature", Some(268.15));
        unit(t, "118F", "quantity", 118.0, "°F", "temperature", Some((118.0 - 32.0) * 5.0 / 9.0 + 273.15));
        unit(t, "20 degrees Celsius", "quantity", 20.0, "°C", "temperature", Some(293.15));
        unit(t, "300 kelvin", "quantity", 300.0, "K", "temperature", Some(300.0));
        unit("2.14degF (1.19deg C) higher", "1.19deg C", "quantity", 1.19, "°C", "temperature", Some(274.34));
        // `C` after a space is not Celsius.
        assert!(q("it was 5 C").iter().all(|m| m.unit != Some("°C")));
    }

    #[test]
    fn composite_units() {
        let t = "He is 6ft 2in, she is 5' 4\" and he weighs 10st 4lb.";
        unit(t, "6ft 2in", "quantity", 6.0 + 2.0 / 12.0, "ft", "length", Some(1.8796));
        unit(t, "5' 4\"", "quantity", 5.0 + 4.0 / 12.0, "ft", "length", Some(1.6256));
        unit(t, "10st 4lb", "quantity", 10.0 + 4.0 / 14.0, "st", "mass", Some(65.31730128));
        // Hyphenated as an adjective, with `and`, in words, spaced `in`, `ins`.
        let six_two = 6.0 + 2.0 / 12.0;
        unit("a 6-foot-2 forward", "6-foot-2", "quantity", six_two, "ft", "length", Some(1.8796));
        unit("a six-foot-two man", "six-foot-two", "quantity", six_two, "ft", "length", Some(1.8796));
        unit("5 feet and 2 inches", "5 feet and 2 inches", "quantity", 5.0 + 2.0 / 12.0, "ft", "length", Some(1.5748));
        unit("he is 6 ft 2 in.", "6 ft 2 in", "quantity", six_two, "ft", "length", Some(1.8796));
        unit("he is 6 ft 2 in", "6 ft 2 in", "quantity", six_two, "ft", "length", Some(1.8796));
        unit("he stands 6ft 2ins", "6ft 2ins", "quantity", six_two, "ft", "length", Some(1.8796));
        unit("a 6-foot-2-inch frame", "6-foot-2-inch", "quantity", six_two, "ft", "length", Some(1.8796));
        unit("jailed for three years and six months", "three years and six months", "quantity", 3.5, "year", "duration", Some(3.5 * 31557600.0));
        unit("2 hours and 15 minutes", "2 hours and 15 minutes", "quantity", 2.25, "h", "duration", Some(8100.0));
        // `in` before its object is the preposition.
        unit("he is 5 ft 2 in London", "5 ft", "quantity", 5.0, "ft", "length", Some(1.524));
    }

    #[test]
    fn durations() {
        let t = "It took 4 years; a 20-year-old man; two more years; 45 minutes; a two-year deal; 3 days; 6 weeks; 2 hours.";
        unit(t, "4 years", "quantity", 4.0, "year", "duration", Some(126230400.0));
        unit(t, "20-year-old", "quantity", 20.0, "year", "duration", Some(20.0 * 31557600.0));
        unit(t, "two more years", "quantity", 2.0, "year", "duration", Some(63115200.0));
        unit(t, "45 minutes", "quantity", 45.0, "min", "duration", Some(2700.0));
        unit(t, "two-year", "quantity", 2.0, "year", "duration", Some(63115200.0));
        unit(t, "3 days", "quantity", 3.0, "day", "duration", Some(259200.0));
        unit(t, "6 weeks", "quantity", 6.0, "week", "duration", Some(6.0 * 604800.0));
        unit(t, "2 hours", "quantity", 2.0, "h", "duration", Some(7200.0));
        unit("12 months", "12 months", "quantity", 12.0, "month", "duration", Some(31557600.0));
        unit("half an hour", "half an hour", "quantity", 0.5, "h", "duration", Some(1800.0));
    }

    #[test]
    fn a_unit_without_a_number_is_not_a_mention() {
        nothing("for many years, miles away, it took months, per cent, km/h");
    }

    // ---- money ------------------------------------------------------------------

    #[test]
    fn money() {
        let t = "£3.5bn, $2.4 trillion, €500m, US$15, ₹5 lakh crore, 50 dollars, 10 yuan, 300 rupees, HK$2m, 5m USD, USD 3bn, 50p.";
        unit(t, "£3.5bn", "money", 3.5e9, "GBP", "currency", None);
        unit(t, "$2.4 trillion", "money", 2.4e12, "USD", "currency", None);
        unit(t, "€500m", "money", 5e8, "EUR", "currency", None);
        unit(t, "US$15", "money", 15.0, "USD", "currency", None);
        unit(t, "₹5 lakh crore", "money", 5e12, "INR", "currency", None);
        unit(t, "50 dollars", "money", 50.0, "USD", "currency", None);
        unit(t, "10 yuan", "money", 10.0, "CNY", "currency", None);
        unit(t, "300 rupees", "money", 300.0, "INR", "currency", None);
        unit(t, "HK$2m", "money", 2e6, "HKD", "currency", None);
        unit(t, "5m USD", "money", 5e6, "USD", "currency", None);
        unit(t, "USD 3bn", "money", 3e9, "USD", "currency", None);
        unit(t, "50p", "money", 0.5, "GBP", "currency", None);
        unit("a fine of Rs 1,20,000", "Rs 1,20,000", "money", 120000.0, "INR", "currency", None);
        unit("for 7,199 Chinese yuan", "7,199 Chinese yuan", "money", 7199.0, "CNY", "currency", None);
        unit("7.5 million Danish crowns", "7.5 million Danish crowns", "money", 7.5e6, "DKK", "currency", None);
        unit("$13 009 million", "$13 009 million", "money", 13009e6, "USD", "currency", None);
        // `Y=` is the wire services' ASCII yen; a symbol of several tokens is written as one.
        unit("Sony lost 2.70 percent to Y=5,182.", "Y=5,182", "money", 5182.0, "JPY", "currency", None);
        assert!(q("if Y = 5 then").iter().all(|m| m.kind != QuantityKind::Money));
    }

    #[test]
    fn m_and_k_from_context() {
        unit("a £1.2m deal", "£1.2m", "money", 1.2e6, "GBP", "currency", None);
        value("1.2m people", "1.2m", "cardinal", 1.2e6);
        unit("a 1.2m-high wall", "1.2m", "quantity", 1.2, "m", "length", Some(1.2));
        unit("the wall is 2m tall", "2m", "quantity", 2.0, "m", "length", Some(2.0));
        unit("a 5k run", "5k", "quantity", 5.0, "km", "length", Some(5000.0));
        value("5k followers", "5k", "cardinal", 5000.0);
        // A conversion in brackets says what the `m` measures.
        unit("the 37m (121ft)-long skeleton", "37m", "quantity", 37.0, "m", "length", Some(37.0));
        value("a 37m ($50m) deal", "37m", "cardinal", 37e6);
    }

    // ---- percentages ---------------------------------------------------------------

    #[test]
    fn percent_and_points() {
        let t = "12% and 1.5 per cent and 3 percent and 2 percentage points and 0.25pc and 25 basis points.";
        unit(t, "12%", "percent", 12.0, "%", "ratio", None);
        unit(t, "1.5 per cent", "percent", 1.5, "%", "ratio", None);
        unit(t, "3 percent", "percent", 3.0, "%", "ratio", None);
        unit(t, "2 percentage points", "percent", 2.0, "pp", "ratio", None);
        unit(t, "0.25pc", "percent", 0.25, "%", "ratio", None);
        unit(t, "25 basis points", "percent", 25.0, "bp", "ratio", None);
    }

    // ---- ranges -------------------------------------------------------------------

    #[test]
    fn ranges() {
        let m = unit("300-400 km", "300-400 km", "range", 300.0, "km", "length", Some(300000.0));
        assert_eq!(m.high, Some(400.0));
        let m = unit("10 to 15 years", "10 to 15 years", "range", 10.0, "year", "duration", Some(10.0 * 31557600.0));
        assert_eq!(m.high, Some(15.0));
        let m = unit("between 5 and 10 per cent", "5 and 10 per cent", "range", 5.0, "%", "ratio", None);
        assert_eq!(m.high, Some(10.0));
        let m = unit("from $5 to $10", "$5 to $10", "range", 5.0, "USD", "currency", None);
        assert_eq!(m.high, Some(10.0));
        let m = unit("$5-10m", "$5-10m", "range", 5e6, "USD", "currency", None);
        assert_eq!(m.high, Some(1e7));
        let m = value("between five and six", "five and six", "range", 5.0);
        assert_eq!(m.high, Some(6.0));
        let m = unit("300 – 400 km", "300 – 400 km", "range", 300.0, "km", "length", Some(300000.0));
        assert_eq!(m.high, Some(400.0));
        let m = value("5-10 million people", "5-10 million", "range", 5e6);
        assert_eq!(m.high, Some(1e7));
        // Hyphenated as one adjective.
        let m = unit("a 10-to-15-year sentence", "10-to-15-year", "range", 10.0, "year", "duration", Some(10.0 * 31557600.0));
        assert_eq!(m.high, Some(15.0));
        let m = value("the 18-to-34 demographic", "18-to-34", "range", 18.0);
        assert_eq!(m.high, Some(34.0));
        // The unit written twice, glued: no model name (`L-202`).
        let m = unit("about 3km-5km", "3km-5km", "range", 3.0, "km", "length", Some(3000.0));
        assert_eq!(m.high, Some(5.0));
        nothing("a 24703 L-202 part");
    }

    #[test]
    fn spans_of_years_are_dates() {
        assert_eq!(one("the 2012–13 season", "2012–13").iso.as_deref(), Some("2012/2013"));
        assert_eq!(one("the 2012-13 season", "2012-13").iso.as_deref(), Some("2012/2013"));
        assert_eq!(one("in 2023/24", "2023/24").iso.as_deref(), Some("2023/2024"));
        assert_eq!(spans("from 2010 to 2015"), vec![("2010".into(), "date"), ("2015".into(), "date")]);
    }

    // ---- modifiers ---------------------------------------------------------------

    #[test]
    fn modifiers_outside_the_span() {
        let cases = [
            ("around 50 miles", "50 miles", "approximately"),
            ("about 3 people", "3", "approximately"),
            ("roughly 4 km", "4 km", "approximately"),
            ("some 5 people", "5", "approximately"),
            ("approximately 6", "6", "approximately"),
            ("more than 7", "7", "more_than"),
            ("over 8 years", "8 years", "more_than"),
            ("greater than 9", "9", "more_than"),
            ("above 10%", "10%", "more_than"),
            ("less than 11", "11", "less_than"),
            ("fewer than 12 people", "12", "less_than"),
            ("under 13", "13", "less_than"),
            ("below 14", "14", "less_than"),
            ("at least 15", "15", "at_least"),
            ("at the very least two more years", "two more years", "at_least"),
            ("at most 17", "17", "at_most"),
            ("no more than 18", "18", "at_most"),
            ("up to 19 km", "19 km", "up_to"),
            ("exactly 20", "20", "exactly"),
            ("more than $5bn", "$5bn", "more_than"),
        ];
        for (text, span, m) in cases {
            let got = one(text, span);
            assert_eq!(got.modifier.map(|x| x.name()), Some(m), "{text}");
        }
        assert_eq!(one("the 5 people", "5").modifier, None);
    }

    // ---- dates, times, ordinals -----------------------------------------------------

    #[test]
    fn dates_and_times() {
        let cases = [
            ("in 2024 they", "2024", "date", "2024"),
            ("in February 2022, it", "February 2022", "date", "2022-02"),
            ("on 12 December 2025 it", "12 December 2025", "date", "2025-12-12"),
            ("on Dec. 12, 2023 it", "Dec. 12, 2023", "date", "2023-12-12"),
            ("on December 12 it", "December 12", "date", "--12-12"),
            ("the 12th of December 2025", "12th of December 2025", "date", "2025-12-12"),
            ("by 2030-06-30", "2030-06-30", "date", "2030-06-30"),
            ("the 1990s", "1990s", "date", "199"),
            ("the ’90s", "’90s", "date", "199"),
            ("the '60s", "'60s", "date", "196"),
            ("at 10.30am", "10.30am", "time", "10:30"),
            ("at 2.15pm", "2.15pm", "time", "14:15"),
            ("at 3 p.m.", "3 p.m.", "time", "15:00"),
            ("at 14:00 GMT", "14:00 GMT", "time", "14:00Z"),
            ("at 9pm BST", "9pm BST", "time", "21:00+01:00"),
            ("on 12/05/2024", "12/05/2024", "date", ""),
            ("on 25/12/2024", "25/12/2024", "date", "2024-12-25"),
        ];
        for (text, span, kind, iso) in cases {
            let m = one(text, span);
            assert_eq!(m.kind.name(), kind, "{text}");
            assert!(m.value.is_nan(), "{text}: dates and times have no value");
            assert_eq!(m.iso.as_deref().unwrap_or(""), iso, "{text}");
        }
        // `2.15pm` is not picometres.
        assert_eq!(one("at 2.15pm", "2.15pm").unit, None);
    }

    #[test]
    fn years_of_an_era() {
        let t = "Vesuvius erupted in AD 79; Rome was founded in 753 BC, Athens fell in 86 B.C.";
        let dates: Vec<(String, Option<String>)> = q(t).into_iter().map(|m| (t[m.start..m.end].to_string(), m.iso)).collect();
        assert_eq!(dates, [("AD 79".into(), Some("0079".into())), ("753 BC".into(), Some("-0752".into())), ("86 B.C.".into(), Some("-0085".into()))]);
        assert_eq!(one("in 1 BC", "1 BC").iso.as_deref(), Some("0000"));
        // The second year of a span takes the era of the first.
        let t = "a complex built between A.D. 1000 and 1260 and later conquered";
        assert_eq!(spans(t), vec![("A.D. 1000".into(), "date"), ("1260".into(), "date")]);
        assert_eq!(one(t, "1260").iso.as_deref(), Some("1260"));
        // Without an era word a small number stays a number.
        assert_eq!(spans("between 1000 and 1260 people"), vec![("1000 and 1260".into(), "range")]);
        // Not a count after `and`, British Columbia, Windows CE; not a later year as BC.
        assert_eq!(spans("Vesuvius erupted in AD 79 and 16 towns were buried."), vec![("AD 79".into(), "date"), ("16".into(), "cardinal")]);
        assert_eq!(spans("The NDP won 41 BC seats."), vec![("41".into(), "cardinal")]);
        assert!(q("Windows CE 6 shipped.").iter().all(|m| m.iso.is_none()));
        assert_eq!(one("It ran from 500 BC to 1500 in some form.", "1500").iso.as_deref(), Some("1500"));
    }

    #[test]
    fn ordinals() {
        value("the 15th time", "15th", "ordinal", 15.0);
        value("the second time", "second", "ordinal", 2.0);
        value("the 21st century", "21st", "ordinal", 21.0);
        value("the twenty-first century", "twenty-first", "ordinal", 21.0);
        value("the 2nd and 3rd", "2nd", "ordinal", 2.0);
        // `10st` is ten stone, not an ordinal.
        unit("he weighs 10st", "10st", "quantity", 10.0, "st", "mass", Some(63.5029318));
        // `second` as a unit
        unit("30 seconds", "30 seconds", "quantity", 30.0, "s", "duration", Some(30.0));
    }

    // ---- the anchors' known failures -------------------------------------------------

    #[test]
    fn anchors_known_failures() {
        value("a 500 increase", "500", "cardinal", 500.0);
        value("It fell to minus ten.", "minus ten", "cardinal", -10.0);
        let m = value("between five and six", "five and six", "range", 5.0);
        assert_eq!(m.high, Some(6.0));
        unit("45 minutes", "45 minutes", "quantity", 45.0, "min", "duration", Some(2700.0));
        unit("one and one-half miles", "one and one-half miles", "quantity", 1.5, "mi", "length", Some(1.5 * 1609.344));
        unit("7.5 million Danish crowns", "7.5 million Danish crowns", "money", 7.5e6, "DKK", "currency", None);
        unit("$13 009 million", "$13 009 million", "money", 13009e6, "USD", "currency", None);
        nothing("miles and miles");
    }

    // ---- not quantities -----------------------------------------------------------------

    #[test]
    fn not_quantities() {
        nothing("Call +44 20 7946 0958 or (020) 7946 0958 or 555-123-4567.");
        nothing("Iskander-M missile launchers, F-35 jets, a Boeing 737, the G7, the M25, COVID-19 cases, Windows 11.");
        nothing("They won 3-1 at home.");
        nothing("No 10 said.");
        nothing("a 4G and 5G network");
    }

    #[test]
    fn proportions_are_one_number() {
        let t = "One out of three Germans rent; one in five adults smoke; nine out of 10 agreed.";
        assert_eq!(counted(t, "One out of three"), Some("Germans".into()));
        value(t, "One out of three", "cardinal", 1.0 / 3.0);
        value(t, "one in five", "cardinal", 0.2);
        value(t, "nine out of 10", "cardinal", 0.9);
        // Not a proportion: a year, a measured or scaled whole, a smaller whole.
        assert_eq!(spans("one in 2019"), vec![("one".into(), "cardinal"), ("2019".into(), "date")]);
        unit("He scored 2 in 10 minutes.", "10 minutes", "quantity", 10.0, "min", "duration", Some(600.0));
        value("one in 20 million people", "20 million", "cardinal", 2e7);
        value("won 5 in 3 days", "5", "cardinal", 5.0);
    }

    #[test]
    fn what_a_fraction_or_a_joined_phrase_counts() {
        assert_eq!(counted("One fourth of the US population is vaccinated.", "One fourth"), Some("US population".into()));
        assert_eq!(counted("Half the condos have sold.", "Half"), Some("condos".into()));
        assert_eq!(counted("half of the budget was spent", "half"), Some("budget".into()));
        assert_eq!(counted("A third of the population voted for him", "A third"), Some("population".into()));
        assert_eq!(counted("more than half the gas stations had shops", "half"), Some("gas stations".into()));
        // A possessive goes on (not `Group`); the whole it leads to is too long to read.
        assert_eq!(counted("about a third of the Group's overall population", "a third"), None);
        assert_eq!(counted("A quarter of the city lost power", "A quarter"), None);
        // A participle is no whole: `of those screened`.
        assert_eq!(counted("A third of those screened were obese.", "A third"), None);
        // `in half` is how something is cut, not a fraction of what follows.
        assert!(q("cut the price in half the next day").is_empty());
        // Words joined by `and` before the noun they share; an acronym is no stop word.
        assert_eq!(counted("the combined 4.3M digital and physical sales", "4.3M"), Some("digital and physical sales".into()));
        assert_eq!(counted("about 460 Kia and Hyundai vehicles", "460"), Some("Kia and Hyundai vehicles".into()));
        assert_eq!(counted("all 50 US states", "50"), Some("US states".into()));
        assert_eq!(counted("10 red and 5 blue cars", "10"), None);
        // A compound written without its hyphen counts its first noun, unless a plural follows.
        assert_eq!(counted("the 12 page document labeled secret", "12"), Some("page".into()));
        assert_eq!(counted("a three course meal", "three"), Some("course".into()));
        assert_eq!(counted("20 decently sized power plants", "20"), Some("decently sized power plants".into()));
        assert_eq!(counted("he was 35 last year", "35"), None);
        assert_eq!(counted("Temperatures hit 40 yesterday afternoon", "40"), None);
        assert_eq!(counted("it grew 5 fold", "5"), None);
        assert_eq!(counted("1000 come from Asia", "1000"), None);
    }

    #[test]
    fn box_score_averages() {
        let t = "Maldonado (15.3 ppg, 7.4 rpg, 6.9 apg) gained 517 rushing yards, averaging 20 points per game.";
        for (span, v, u) in [("15.3 ppg", 15.3, "ppg"), ("7.4 rpg", 7.4, "rpg"), ("6.9 apg", 6.9, "apg"), ("20 points per game", 20.0, "ppg")] {
            unit(t, span, "quantity", v, u, "per game", None);
        }
        unit(t, "517 rushing yards", "quantity", 517.0, "yd", "length", Some(517.0 * 0.9144));
    }

    #[test]
    fn wins_above_replacement() {
        for (t, span, v) in [("He was worth 0.5 WAR last year.", "0.5 WAR", 0.5), ("Judge (2.3 WAR) led the Yankees.", "2.3 WAR", 2.3), ("a 6.1 WAR season", "6.1 WAR", 6.1)] {
            unit(t, span, "quantity", v, "WAR", "wins above replacement", None);
        }
        // Lower case is a war, counted.
        assert_eq!(counted("the 1 war that mattered", "1"), Some("war".into()));
        assert_eq!(counted("after 2 wars", "2"), Some("wars".into()));
    }

    #[test]
    fn unit_per_unit() {
        unit("large fields of about 10 kV/cm", "10 kV/cm", "quantity", 10.0, "kV/cm", "voltage/length", Some(1e6));
        let t = "a current density of 1.3 A/cm2 to 0.03 A/cm2";
        unit(t, "1.3 A/cm2", "quantity", 1.3, "A/cm²", "current/area", Some(1.3e4));
        unit(t, "0.03 A/cm2", "quantity", 0.03, "A/cm²", "current/area", Some(300.0));
        unit("solar input of 5 W/m2", "5 W/m2", "quantity", 5.0, "W/m²", "power/area", Some(5.0));
        unit("a dose of 5 mg/kg", "5 mg/kg", "quantity", 5.0, "mg/kg", "mass/mass", Some(5e-6));
        unit("a field of 10kV/cm", "10kV/cm", "quantity", 10.0, "kV/cm", "voltage/length", Some(1e6));
        // Named rates keep their names.
        unit("at 120 km/h", "120 km/h", "quantity", 120.0, "km/h", "speed", Some(120.0 / 3.6));
        unit("a density of 2 kg/m3", "2 kg/m3", "quantity", 2.0, "kg/m³", "density", Some(2.0));
        unit("3 mg/L of lead", "3 mg/L", "quantity", 3.0, "mg/L", "density", Some(0.003));
        unit("it does 10 km per litre", "10 km per litre", "quantity", 10.0, "km/L", "fuel economy", None);
        // Only `/` and `per` take a unit of length, area, volume or mass; a percentage takes none.
        unit("2 kg a metre", "2 kg", "quantity", 2.0, "kg", "mass", Some(2.0));
        value("a 5% per kg charge", "5%", "percent", 5.0);
        // A glued-only symbol (`A`, `B`) is no unit after a space but before a rate's `/unit`.
        assert_eq!(spans("3 A/B tests"), vec![("3".into(), "cardinal")]);
        nothing("Group 3A/B");
    }

    #[test]
    fn drams_and_us_measures() {
        let t = "One US fluid ounce is 1/16 of a US pint, 1\u{2044}32 of a US quart, and 1\u{2044}128 of a US gallon.";
        let floz = 2.95735295625e-05;
        unit(t, "One US fluid ounce", "quantity", 1.0, "fl oz", "volume", Some(floz));
        unit(t, "1/16 of a US pint", "quantity", 1.0 / 16.0, "US pt", "volume", Some(floz));
        unit(t, "1\u{2044}32 of a US quart", "quantity", 1.0 / 32.0, "qt", "volume", Some(floz));
        unit(t, "1\u{2044}128 of a US gallon", "quantity", 1.0 / 128.0, "gal", "volume", Some(floz));
        // A bare `pint` is the imperial one, `imperial` names it too.
        unit("3/4 of a pint", "3/4 of a pint", "quantity", 0.75, "pt", "volume", Some(0.75 * 0.00056826125));
        unit("2 imperial pints", "2 imperial pints", "quantity", 2.0, "pt", "volume", Some(2.0 * 0.00056826125));
        unit("1 imperial quart of milk", "1 imperial quart", "quantity", 1.0, "imp qt", "volume", Some(0.0011365225));
        unit("a solution of 5 drams of distilled water", "5 drams", "quantity", 5.0, "dr", "mass", Some(5.0 * 0.0017718451953125));
        unit("8 fluid drams", "8 fluid drams", "quantity", 8.0, "fl dr", "volume", Some(floz));
        unit("a third of a mile", "a third of a mile", "quantity", 1.0 / 3.0, "mi", "length", Some(1609.344 / 3.0));
        // Not a fraction of the unit: a date, `the`, a mixed number.
        nothing("9/11 of a year");
        assert_eq!(counted("1/2 of the pint", "1/2"), Some("pint".into()));
        assert_eq!(counted("Two US soldiers", "Two"), Some("US soldiers".into()));
    }

    #[test]
    fn kilotons_knots_and_kuna() {
        unit("a 15 kt bomb", "15 kt", "quantity", 15.0, "kt", "mass", Some(1.5e7));
        unit("The bomb had a yield of 15 kt. Winds were light.", "15 kt", "quantity", 15.0, "kt", "mass", Some(1.5e7));
        // A speed word in the sentence makes `kt` knots.
        let knot = 1852.0 / 3600.0;
        unit("The speed of sound is approximately 661 kt in dry air", "661 kt", "quantity", 661.0, "kn", "speed", Some(661.0 * knot));
        unit("40 kt winds", "40 kt", "quantity", 40.0, "kn", "speed", Some(40.0 * knot));
        unit("gusts of 35 kt to 45 kt", "35 kt to 45 kt", "range", 35.0, "kn", "speed", Some(35.0 * knot));
        // `kn` is a knot, the kuna with a money word (and no speed word).
        unit("the yacht sailed at 12 kn", "12 kn", "quantity", 12.0, "kn", "speed", Some(12.0 * knot));
        let m = value("The concert ticket cost me 150 kn, which is a bit pricey.", "150 kn", "money", 150.0);
        assert_eq!(m.unit, Some("HRK"));
        unit("The boat cost a fortune, cruising at 30 kn", "30 kn", "quantity", 30.0, "kn", "speed", Some(30.0 * knot));
        // Only the abbreviations: `kilotons` stays mass.
        unit("winds flattened 20 kilotons of debris", "20 kilotons", "quantity", 20.0, "kt", "mass", Some(2e7));
    }

    #[test]
    fn spaced_c_and_f_near_a_temperature_word() {
        unit("Its 12 C melting point is low.", "12 C", "quantity", 12.0, "°C", "temperature", Some(285.15));
        unit("highs of 30 C", "30 C", "quantity", 30.0, "°C", "temperature", Some(303.15));
        unit("a low of 5 F", "5 F", "quantity", 5.0, "°F", "temperature", Some(258.15));
        unit("The temperature was 30 C.", "30 C", "quantity", 30.0, "°C", "temperature", Some(303.15));
        unit("Temperatures of 25-30 C are forecast", "25-30 C", "range", 25.0, "°C", "temperature", Some(298.15));
        // Without a temperature word, after a label, or as a grade or a word's letter: no degrees.
        for t in ["Section 5 C", "vitamin C", "Grade 3 C", "Class 2 F", "Type 1 C", "Temperatures in Section 5 C were high", "In a heatwave, Grade 3 C pupils stayed home"] {
            assert!(q(t).iter().all(|m| m.unit.is_none()), "{t:?}: {:?}", spans(t));
        }
        for t in ["A 4 F", "He got 3 C grades in a hot summer", "It was 5 C-section births in hot weather"] {
            assert!(q(t).iter().all(|m| m.unit.is_none()), "{t:?}: {:?}", spans(t));
        }
        // Glued, as before, with no word needed.
        unit("-5C", "-5C", "quantity", -5.0, "°C", "temperature", Some(268.15));
    }

    #[test]
    fn picture_formats_are_not_pence() {
        nothing("a 1080p TV, a 4K TV, 8K video and 720p footage");
        assert_eq!(spans("It streams 1080p at 60fps."), vec![("60fps".into(), "quantity")]);
        // Without a screen word or a frame rate, the letter is pence.
        value("Shares in Tesco fell 3 per cent to 240p.", "240p", "money", 2.4);
        value("Lloyds shares closed at 480p on Friday.", "480p", "money", 4.8);
        // Frames per second are a frame rate, not feet per second.
        unit("a game running at 60fps", "60fps", "quantity", 60.0, "fps", "frequency", Some(60.0));
        unit("a muzzle velocity of 3,000 feet per second", "3,000 feet per second", "quantity", 3000.0, "ft/s", "speed", Some(914.4));
    }

    #[test]
    fn postal_codes_are_not_amounts() {
        assert_eq!(spans("In the 90049 ZIP code, based on 37 sales"), vec![("37".into(), "cardinal")]);
        nothing("homes in the 2000 postcode");
    }

    #[test]
    fn pence_spaced_in_a_market_report() {
        let t = "Unite Group, down 68 p at 1112 p, JD Sports, down 1.95 p at 125.8 p.";
        value(t, "68 p", "money", 0.68);
        value(t, "1112 p", "money", 11.12);
        value(t, "125.8 p", "money", 1.258);
        // Not without a word of change or level before it, nor a clock time.
        assert_eq!(spans("see page 12 p 4"), vec![("4".into(), "cardinal")]);
        assert_eq!(spans("It starts at 5 p. m. sharp."), vec![("5".into(), "cardinal")]);
    }

    // ---- more rules -----------------------------------------------------------------

    #[test]
    fn prices_per_unit() {
        let t = "crude was up 19 cents at US $58.24 per barrel; a loss of 63 cents per share; a $3,500 a month mortgage";
        unit(t, "US $58.24 per barrel", "money", 58.24, "USD/bbl", "currency", None);
        unit(t, "63 cents per share", "money", 0.63, "USD/share", "currency", None);
        unit(t, "$3,500 a month", "money", 3500.0, "USD/month", "currency", None);
        // A sum dated by `a year ago` is no rate.
        unit("profit of $3bn a year ago", "$3bn", "money", 3e9, "USD", "currency", None);
        // Hyphenated rates, and both sums of a bracketed restatement (their spans stay put).
        unit("a $5-a-day habit", "$5-a-day", "money", 5.0, "USD/day", "currency", None);
        unit("fees of up to £24 a-year.", "£24 a-year", "money", 24.0, "GBP/year", "currency", None);
        let t = "an offer of C$6 (US$4.46) per share in cash";
        unit(t, "C$6", "money", 6.0, "CAD/share", "currency", None);
        unit(t, "US$4.46", "money", 4.46, "USD/share", "currency", None);
        unit("it leased at $80 per sq m.", "$80 per sq m", "money", 80.0, "USD/m²", "currency", None);
    }

    #[test]
    fn alternatives_share_the_unit_written_after_the_last() {
        unit("eight or nine euros", "eight", "money", 8.0, "EUR", "currency", None);
        unit("10 or 15 km away", "10", "quantity", 10.0, "km", "length", Some(10000.0));
        value("5 or 6% of sales", "5", "percent", 5.0);
        // No unit after the last, no unit for the first; a text may end at `or`.
        assert_eq!(spans("one or two people"), vec![("one".into(), "cardinal"), ("two".into(), "cardinal")]);
        assert_eq!(spans("Windows 10 or"), vec![]);
    }

    #[test]
    fn rates_per_unit_of_time() {
        let year = 365.25 * 86400.0;
        unit("I work 40 hours a week", "40 hours a week", "quantity", 40.0, "h/week", "duration/duration", Some(40.0 / 168.0));
        unit("seas rise 3 mm a year", "3 mm a year", "quantity", 3.0, "mm/year", "length/duration", Some(0.003 / year));
        unit("growing five percent a year", "five percent a year", "percent", 5.0, "%/year", "ratio/duration", None);
        // Where the table names the rate, its name: `barrel-a-day` is bbl/d.
        let bpd = 52000.0 * 0.158987294928 / 86400.0;
        unit("a 52,000 barrel-a-day refinery", "52,000 barrel-a-day", "quantity", 52000.0, "bbl/d", "volume flow", Some(bpd));
        // Temperatures have no SI rate (kelvin has an offset); `per person` is no time.
        unit("warming 0.2C a decade", "0.2C a decade", "quantity", 0.2, "°C/decade", "temperature/duration", None);
        unit("5 kg per person", "5 kg", "quantity", 5.0, "kg", "mass", Some(5.0));
        // A count per unit of time: the span the number, the noun counted, SI in hertz.
        let t = "The lab will provide three thousand tests per day.";
        let q = unit(t, "three thousand", "quantity", 3000.0, "/day", "frequency", Some(3000.0 / 86400.0));
        assert_eq!(q.counted.map(|c| &t[c.start..c.end]), Some("tests"));
        unit("The stars spin 78,000 times a minute.", "78,000", "quantity", 78000.0, "/min", "frequency", Some(1300.0));
        unit("He smoked 20 a day.", "20", "quantity", 20.0, "/day", "frequency", Some(20.0 / 86400.0));
        // Not a time ago, nor before another word.
        assert_eq!(spans("It was 500 a year ago."), vec![("500".into(), "cardinal")]);
        assert_eq!(spans("He scored 5 a second time."), vec![("5".into(), "cardinal")]);
    }

    #[test]
    fn a_unit_takes_the_sentences_period() {
        unit("The flat is 450 sq ft.", "450 sq ft", "quantity", 450.0, "ft²", "area", Some(450.0 * 0.09290304));
        unit("he ran 10 mins. Then", "10 mins", "quantity", 10.0, "min", "duration", Some(600.0));
        // `a.m.` keeps its periods; a scale letter does not stack on a scale word.
        assert_eq!(spans("at 5 a.m."), vec![("5 a.m.".into(), "time")]);
        value("The movie file is 16 billion b.", "16 billion", "cardinal", 16e9);
    }

    #[test]
    fn direction_of_change() {
        let change = |text: &str, span: &str| one(text, span).change.map(|c| c.name());
        let t = "The index fell 0.4 per cent to 13176 while the CAC was down 0.1 per cent at 5884.";
        assert_eq!(change(t, "0.4 per cent"), Some("down"));
        assert_eq!(change(t, "13176"), None); // the level reached
        assert_eq!(change(t, "0.1 per cent"), Some("down"));
        assert_eq!(change(t, "5884"), None);
        assert_eq!(change("sales increased by more than 5%", "5%"), Some("up"));
        assert_eq!(change("expected to grow sales by 35 per cent", "35 per cent"), Some("up"));
        assert_eq!(change("the Dow lost 190 points, or 0.6%.", "0.6%"), Some("down"));
        assert_eq!(change("Dow +0.2% FTSE -0.6%", "0.2%"), Some("up"));
        assert_eq!(change("Dow +0.2% FTSE -0.6%", "-0.6%"), Some("down"));
        assert_eq!(change("a 19% drop in sales", "19%"), None); // the size of a drop
        assert_eq!(change("in 2019 sales rose", "2019"), None); // dates never
        // Every inflection of the verbs, and a direction before `by`.
        assert_eq!(change("after plummeting 65% in 2022", "65%"), Some("down"));
        assert_eq!(change("Greenland loses 286 gigatonnes a year", "286 gigatonnes a year"), Some("down"));
        assert_eq!(change("the index, advancing 1.7 percent", "1.7 percent"), Some("up"));
        assert_eq!(change("profit was revised upward by 40 billion yen", "40 billion yen"), Some("up"));
        // A share restating a change, with or without the comma; alternatives stay apart.
        assert_eq!(change("jobs grew by 125,600 positions or 2.2 per cent", "2.2 per cent"), Some("up"));
        assert_eq!(change("it would increase world food needs by 50 percent", "50 percent"), Some("up"));
        assert_eq!(change("prices rose, and costs by 5%", "5%"), None); // not past the comma
        assert_eq!(change("Ross was down 2.3%, Burlington by 2.6%", "2.6%"), Some("down")); // a gapped verb
        assert_eq!(change("it rose 5 or 6%", "6%"), None);
        // `up` and `down` as particles of another verb are no change.
        assert_eq!(change("women made up 40% of the staff", "40%"), None);
        assert_eq!(change("the defence gave up 517 rushing yards", "517 rushing yards"), None);
        assert_eq!(change("shares were up 5%", "5%"), Some("up"));
    }

    #[test]
    fn currencies_of_old_news() {
        unit("to buy NKF for 420 million finnish markka", "420 million finnish markka", "money", 4.2e8, "FIM", "currency", None);
        unit("a rights issue valued at 6.65 billion pesetas", "6.65 billion pesetas", "money", 6.65e9, "ESP", "currency", None);
        unit("250 million dutch guilders of bonds", "250 million dutch guilders", "money", 2.5e8, "NLG", "currency", None);
        unit("DM 5m, or 3 billion deutschmarks", "3 billion deutschmarks", "money", 3e9, "DEM", "currency", None);
        unit("10 francs and 10 French francs", "10 French francs", "money", 10.0, "FRF", "currency", None);
        // Named only: their codes are troops and units (`300,000 BEF troops`, `3 ATS units`).
        assert!(q("The 300,000 BEF troops and 3 ATS units").iter().all(|m| m.dimension != Some("currency")));
        // A punt in American football is no Irish pound.
        assert!(q("he had 5 punts for 200 yards").iter().all(|m| m.dimension != Some("currency")));
    }

    #[test]
    fn unidecode_pound_sign() {
        value("a package worth up to PS2.7m", "PS2.7m", "money", 2.7e6);
        value("paid HK $216,925 (PS21,700) for flights", "PS21,700", "money", 21700.0);
        value("an PS8.1bn hostile takeover", "PS8.1bn", "money", 8.1e9);
        assert!(q("a PS5 and a PS4 console").is_empty());
    }

    #[test]
    fn money_written_as_one_word() {
        unit("a price of USD10m", "USD10m", "money", 1e7, "USD", "currency", None);
        unit("for RM79 a month", "RM79 a month", "money", 79.0, "MYR/month", "currency", None);
        unit("worth $US55,931,000", "$US55,931,000", "money", 55931000.0, "USD", "currency", None);
        unit("and $A82,615,680", "$A82,615,680", "money", 82615680.0, "AUD", "currency", None);
        let m =
            unit("from RM120,000 to RM300,000", "RM120,000 to RM300,000", "range", 120000.0, "MYR", "currency", None);
        assert_eq!(m.high, Some(300000.0));
        unit("it cost 100€", "100€", "money", 100.0, "EUR", "currency", None);
        unit("361 million pounds in profit", "361 million pounds", "money", 361e6, "GBP", "currency", None);
        unit("he weighs 208 pounds", "208 pounds", "quantity", 208.0, "lb", "mass", Some(208.0 * 0.45359237));
    }

    #[test]
    fn more_numerals() {
        value("a .500 record", ".500", "cardinal", 0.5);
        value("the rate fell to .001 per cent", ".001 per cent", "percent", 0.001);
        value("Dow +0.2%", "0.2%", "percent", 0.2);
        unit(
            "more than 10 1/2 miles of cable",
            "10 1/2 miles",
            "quantity",
            10.5,
            "mi",
            "length",
            Some(10.5 * 1609.344),
        );
        // A fraction of a unit is the fraction in that unit.
        unit("1⁄32 of a quart", "1⁄32 of a quart", "quantity", 1.0 / 32.0, "qt", "volume", Some(0.000946352946 / 32.0));
        value("1\u{202f}234\u{202f}567 people", "1\u{202f}234\u{202f}567", "cardinal", 1234567.0);
        value("1\u{2009}234\u{2009}567.89 is a number", "1\u{2009}234\u{2009}567.89", "cardinal", 1234567.89);
        value("half of them", "half", "cardinal", 0.5);
        value("one fourth of the population", "one fourth", "cardinal", 0.25);
        value("two thirds of voters", "two thirds", "cardinal", 2.0 / 3.0);
        value("one million and a half", "one million and a half", "cardinal", 1.5e6);
        value("half million eggs", "half million", "cardinal", 5e5);
        value("four to five thousand people", "four to five thousand", "range", 4000.0);
        value("one hundred twenty fifth", "one hundred twenty fifth", "ordinal", 125.0);
        value("two hundredth", "two hundredth", "ordinal", 200.0);
        value("Lukaku scored a third goal", "third", "ordinal", 3.0);
        unit("for an hour and a half", "an hour and a half", "quantity", 1.5, "h", "duration", Some(5400.0));
        unit("a half-hour drive", "a half-hour", "quantity", 0.5, "h", "duration", Some(1800.0));
        unit("a 12-cent-a-share dividend", "12-cent-a-share", "money", 0.12, "USD/share", "currency", None);
        unit("that one mile", "one mile", "quantity", 1.0, "mi", "length", Some(1609.344));
        assert_eq!(spans("the second half of the game"), vec![("second".into(), "ordinal")]);
    }

    #[test]
    fn scientific_notation() {
        unit("The mass is 1.99×10−30 kilograms.", "1.99×10−30 kilograms", "quantity", 1.99e-30, "kg", "mass", Some(1.99e-30));
        unit("light at 2.998×10−8 meters per second", "2.998×10−8 meters per second", "quantity", 2.998e-8, "m/s", "speed", Some(2.998e-8));
        value("about 6.02 × 10²³ atoms", "6.02 × 10²³", "cardinal", 6.02e23);
        value("a 10⁻⁸ chance: 1.1 x 10⁻⁸", "1.1 x 10⁻⁸", "cardinal", 1.1e-8);
        value("1.3x10^6 cells", "1.3x10^6", "cardinal", 1.3e6);
        value("6.23x10^-4 of it", "6.23x10^-4", "cardinal", 6.23e-4);
        value("1.99 x 10^-30 kg", "1.99 x 10^-30 kg", "quantity", 1.99e-30);
        value("12.32e+14 and -12e-1", "12.32e+14", "cardinal", 12.32e14);
        value("12.32e+14 and -12e-1", "-12e-1", "cardinal", -1.2);
        // Ten without its exponent is a product or a size.
        assert_eq!(spans("a 2 x 10 grid"), vec![("2".into(), "cardinal"), ("10".into(), "cardinal")]);
        assert_eq!(spans("a 4 x 10-metre room").len(), 2);
        // An exponent cut off by the end of the text.
        for t in ["Rated 5 x 10^", "Rated 5 x 10^-", "1.3x10^", "Rated 12e+", "12e\u{2212}", "Mass 5×10\u{2212}"] {
            assert!(q(t).iter().all(|m| m.end <= t.len()), "{t:?}");
        }
    }

    #[test]
    fn modifiers_after_and_symbols() {
        assert_eq!(one("killing 107 or more", "107").modifier.map(|m| m.name()), Some("at_least"));
        assert_eq!(one("aged 65 or over", "65").modifier.map(|m| m.name()), Some("at_least"));
        assert_eq!(one("10 or fewer people", "10").modifier.map(|m| m.name()), Some("at_most"));
        assert_eq!(one("a height of ~1.2mm", "1.2mm").modifier.map(|m| m.name()), Some("approximately"));
        assert_eq!(one("sub-7 nanometer chips", "7 nanometer").modifier.map(|m| m.name()), Some("less_than"));
        assert_eq!(one("a price of £5 plus VAT", "£5").modifier, None);
    }

    #[test]
    fn changes_are_not_ranges() {
        assert_eq!(
            spans("it increased by $43.6 billion to $419.2 billion"),
            vec![("$43.6 billion".into(), "money"), ("$419.2 billion".into(), "money")]
        );
        assert_eq!(spans("sales rose 5% to 7%"), vec![("5%".into(), "percent"), ("7%".into(), "percent")]);
        let m = unit(
            "temperatures dropped by 1 to 1.5 degrees Celsius",
            "1 to 1.5 degrees Celsius",
            "range",
            1.0,
            "°C",
            "temperature",
            Some(274.15),
        );
        assert_eq!(m.high, Some(1.5));
        // `from A to B` keeps the order written, even going down.
        let m = value("growth slows from 4.8 percent to 4.7 percent", "4.8 percent to 4.7 percent", "range", 4.8);
        assert_eq!(m.high, Some(4.7));
        assert_eq!(spans("in 2018 to 3.9 million"), vec![("2018".into(), "date"), ("3.9 million".into(), "cardinal")]);
    }

    #[test]
    fn labels_scores_codes_and_names() {
        // An address with an ordinal street: `9 E 71st St`.
        let t = "Properties including: 9 E 71st St, Manhattan";
        assert!(q(t).iter().all(|m| m.text(t) != "9"), "{:?}", spans(t));
        nothing("a category 4 hurricane, page 12, Game 6, flight 370, ext. 123");
        nothing("Sweden defeated South Korea 1 – 0 on Monday");
        nothing("Dak Prescott (4) celebrates");
        nothing("the iPhone 11 Pro and the 5G network");
        nothing("the iPhone 11 Pro and 11 Pro Max, the 737 Max");
        nothing("Unit 3 at 16-18 Industrial Avenue");
        nothing("Call 07700 900095 or 0161 123 4567 or (541) 754-3010 or 1234 5678.");
        nothing("Her number is 92995299770 and the code 12345678.");
        // Long digit strings written out as amounts (as `normalize` writes them) are not codes.
        unit("worth 3000000000 GBP", "3000000000 GBP", "money", 3e9, "GBP", "currency", None);
        unit("a year is 31557600 s", "31557600 s", "quantity", 31557600.0, "s", "duration", Some(31557600.0));
        value("some 12000000 people", "12000000", "cardinal", 12e6);
        // A unit symbol or currency code after a year-like number makes an amount; a noun keeps the year.
        unit("they drove 1500 km", "1500 km", "quantity", 1500.0, "km", "length", Some(1.5e6));
        unit("it cost 2000 USD", "2000 USD", "money", 2000.0, "USD", "currency", None);
        assert_eq!(one("the 2018 mile record", "2018").kind, QuantityKind::Date);
        // A unit after a dashed pair makes it a range, not a score or a span of years.
        assert_eq!(one("up to 1–2 km", "1–2 km").high, Some(2.0));
        assert_eq!(one("some 1500–1600 km", "1500–1600 km").high, Some(1600.0));
        nothing("they were up 2 – 1 at half-time");
        nothing("SCP-173C and a Boeing 777F");
        nothing("24703 L-202");
        nothing("The White House at 1600 Pennsylvania Avenue and 10 Downing Street");
        nothing("the G20 summit and the COP28 talks");
        assert!(q("the TOP 10 tips").iter().all(|m| m.kind != QuantityKind::Money));
        nothing("Air Force One and BBC One");
        nothing("a production-four-door lap record and a six-speed gearbox");
        assert_eq!(one("World Cup 2018 day five", "2018").kind, QuantityKind::Date);
        assert_eq!(one("a survey of 1709 schoolchildren", "1709").kind, QuantityKind::Number);
        assert_eq!(one("an average of 1500.", "1500").kind, QuantityKind::Number);
        let m = one("at 0401 GMT on Friday", "0401 GMT");
        assert_eq!((m.kind, m.iso.as_deref()), (QuantityKind::Time, Some("04:01Z")));
        assert_eq!(one("Sept. 20-24", "Sept. 20-24").kind, QuantityKind::Date);
        assert_eq!(one("open 9am-5pm daily", "9am-5pm").iso.as_deref(), Some("09:00/17:00"));
        assert_eq!(one("from 2pm to 4pm GMT", "2pm to 4pm GMT").iso.as_deref(), Some("14:00Z/16:00Z"));
        assert_eq!(one("on 12-14 May 2024", "12-14 May 2024").iso.as_deref(), Some("2024-05-12/2024-05-14"));
    }

    // ---- invariants ------------------------------------------------------------------

    #[test]
    fn ordered_in_bounds_and_finite() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/belarus-metro.txt"))
            .unwrap();
        let big = format!("{text} 300-400 km between 5 and 10 per cent £3.5bn 12 December 2025 {text}");
        let qs = q(&big);
        let mut prev = 0;
        for m in &qs {
            assert!(m.start >= prev && m.start < m.end && m.end <= big.len());
            assert!(big.is_char_boundary(m.start) && big.is_char_boundary(m.end));
            prev = m.end;
            if !matches!(m.kind, QuantityKind::Date | QuantityKind::Time) {
                assert!(m.value.is_finite());
            }
        }
    }

    /// Long runs of every construction: a quadratic pass would not finish here
    /// (speed itself is measured by benches/adversarial.py).
    #[test]
    fn linear_on_long_inputs() {
        // (unit, repeats, mentions): a long run of bare numbers (digits, `1 1 1`,
        // `12 000 12 000`, `5 - 5 -`) reads as an identifier or a list, not as
        // quantities; number words and ranges are found one by one.
        for (unit, times, mentions) in [
            ("7", 10_000_000, 0),
            ("1 ", 500_000, 0),
            ("one ", 300_000, 300_000),
            ("12 000 ", 200_000, 0),
            ("5 - ", 200_000, 0),
            ("between 5 and ", 100_000, 100_000),
        ] {
            let text = unit.repeat(times);
            let found = q(&text);
            let mut prev = 0;
            for m in &found {
                assert!(prev <= m.start && m.start < m.end && m.end <= text.len(), "{unit:?}: {m:?}");
                prev = m.end;
            }
            assert_eq!(found.len(), mentions, "{unit:?}");
        }
    }

    /// Random texts built from pieces that exercise every rule; no panic, and
    /// mentions stay ordered, in bounds, on char boundaries and finite.
    #[test]
    fn no_panic_on_random_text() {
        for t in common::random_texts(0x9E3779B97F4A7C15, 3000, 40) {
            let qs = q(&t);
            let mut prev = 0;
            for m in &qs {
                assert!(m.start >= prev && m.start < m.end && m.end <= t.len(), "{t:?}: {m:?}");
                assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end), "{t:?}");
                if !matches!(m.kind, QuantityKind::Date | QuantityKind::Time) {
                    assert!(m.value.is_finite(), "{t:?}: {m:?}");
                }
                prev = m.end;
            }
        }
    }
}
