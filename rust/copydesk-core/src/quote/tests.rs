//! Unit tests: one per convention of news copy, written from the way
//! newspapers and agencies set quotations.

use super::*;
use crate::token::{sentences, tokenize};

fn run(text: &str) -> Vec<Quote> {
    let toks = tokenize(text);
    let sents = sentences(text, &toks);
    quotes(text, &toks, &sents)
}

fn spans(text: &str) -> Vec<&str> {
    run(text).into_iter().map(|q| &text[q.start..q.end]).collect()
}

/// (span, kind, speaker, cue) of each piece.
fn attributed(text: &str) -> Vec<(&str, &'static str, Option<&str>, Option<&str>)> {
    run(text)
        .into_iter()
        .map(|q| {
            (
                &text[q.start..q.end],
                q.kind.name(),
                q.speaker.map(|s| &text[s.start..s.end]),
                q.cue.map(|s| &text[s.start..s.end]),
            )
        })
        .collect()
}

fn speakers(text: &str) -> Vec<Option<&str>> {
    attributed(text).into_iter().map(|a| a.2).collect()
}

fn kinds(text: &str) -> Vec<&'static str> {
    run(text).into_iter().map(|q| q.kind.name()).collect()
}

// ---- marks and pairs -------------------------------------------------------

#[test]
fn curly_double_and_single() {
    assert_eq!(spans("He said: “We will win.”"), ["“We will win.”"]);
    assert_eq!(spans("She told the BBC: ‘It is over.’"), ["‘It is over.’"]);
    let q = &run("“Go,” he said.")[0];
    assert!(q.closed);
    assert_eq!(q.marks, "“”");
}

#[test]
fn straight_marks() {
    let t = "\"We are ready,\" the coach said. 'It is done,' she replied.";
    assert_eq!(spans(t), ["\"We are ready,\"", "'It is done,'"]);
    let qs = run(t);
    assert_eq!((qs[0].marks, qs[1].marks), ("\"", "'"));
}

#[test]
fn german_low_high_marks() {
    let t = "„Wir schaffen das“, sagte Merkel. Er sprach von einem ‚Wunder‘.";
    assert_eq!(spans(t), ["„Wir schaffen das“", "‚Wunder‘"]);
    let qs = run(t);
    assert_eq!((qs[0].marks, qs[1].marks), ("„“", "‚‘"));
    assert_eq!(qs[0].kind, QuoteKind::Direct);
}

#[test]
fn polish_low_high_marks() {
    let t = "Premier powiedział: „Nie ma zgody”.";
    let qs = run(t);
    assert_eq!(spans(t), ["„Nie ma zgody”"]);
    assert_eq!(qs[0].marks, "„”");
}

#[test]
fn guillemets_french_spaced_and_german_reversed() {
    let t = "Le ministre a déclaré : « Nous sommes prêts » hier.";
    assert_eq!(spans(t), ["« Nous sommes prêts »"]);
    assert_eq!(run(t)[0].marks, "«»");
    let t = "Er sagte: »Wir kommen morgen.«";
    assert_eq!(spans(t), ["»Wir kommen morgen.«"]);
    assert_eq!(run(t)[0].marks, "»«");
    let t = "Hon sa: »Vi kommer i morgon.»";
    assert_eq!(run(t)[0].marks, "»»");
}

#[test]
fn russian_guillemets_with_inner_low_high_marks() {
    let t = "Министр заявил: «Мы не отступим, как говорил „дед“, никогда».";
    let qs = run(t);
    assert_eq!(spans(t), ["«Мы не отступим, как говорил „дед“, никогда»", "„дед“"]);
    assert_eq!((qs[0].marks, qs[1].marks), ("«»", "„“"));
    assert_eq!(qs[1].parent, Some(0));
}

#[test]
fn japanese_nested_brackets() {
    let t = "彼は「母が『行け』と言った」と話した。";
    let qs = run(t);
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!((qs[0].marks, qs[1].marks), ("「」", "『』"));
    assert_eq!(&t[qs[1].start..qs[1].end], "『行け』");
    assert_eq!(qs[1].parent, Some(0));
}

#[test]
fn cjk_corner_brackets() {
    let t = "他说「我们会赢」然后离开。";
    let qs = run(t);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].marks, "「」");
    assert_eq!(&t[qs[0].start..qs[0].end], "「我们会赢」");
}

// ---- the apostrophe --------------------------------------------------------

#[test]
fn possessives_and_contractions_inside_quotes() {
    let t = "‘Russia’s army is tired and there’s no money,’ he said.";
    assert_eq!(spans(t), ["‘Russia’s army is tired and there’s no money,’"]);
    let t = "‘There’s no doubt about it,’ she said.";
    assert_eq!(spans(t), ["‘There’s no doubt about it,’"]);
}

#[test]
fn plural_possessive_before_the_real_close() {
    // CoreNLP closes early at `students’`.
    let t = "‘It is the students’ fault,’ he said.";
    assert_eq!(spans(t), ["‘It is the students’ fault,’"]);
    assert_eq!(speakers(t), [Some("he")]);
    let t = "The head teacher said: ‘It was never the parents’ choice.’";
    assert_eq!(spans(t), ["‘It was never the parents’ choice.’"]);
}

#[test]
fn plural_possessive_outside_quotes_is_not_a_quote() {
    assert!(spans("Police searched the Smiths’ house on Tuesday.").is_empty());
    assert!(spans("The workers' union voted to strike.").is_empty());
}

#[test]
fn dropped_g_and_leading_apostrophes() {
    assert!(spans("They spent the night singin’ and dancin’ in the square.").is_empty());
    assert!(spans("It was a night of rock ’n’ roll in Memphis.").is_empty());
    assert!(spans("Go get ’em, the crowd shouted.").is_empty());
    assert!(spans("Wait 'til the results come in.").is_empty());
    let t = "‘We were singin’ and dancin’ all night,’ said one fan.";
    assert_eq!(spans(t), ["‘We were singin’ and dancin’ all night,’"]);
    assert_eq!(speakers(t), [Some("one fan")]);
    let t = "‘Rock ’n’ roll will never die,’ the singer told fans.";
    assert_eq!(spans(t), ["‘Rock ’n’ roll will never die,’"]);
}

#[test]
fn decades_are_not_quotes() {
    assert!(spans("The club was founded in the ’90s and rebuilt in the '00s.").is_empty());
    let t = "‘It felt like the ’80s again,’ she said.";
    assert_eq!(spans(t), ["‘It felt like the ’80s again,’"]);
}

#[test]
fn partial_quote_closing_before_a_word() {
    let t = "Officials warned of a ‘serious possibility’ that the dam could fail.";
    assert_eq!(spans(t), ["‘serious possibility’"]);
    let t = "He called the plan a ‘farce’ and the budget a ‘disgrace’ on Monday.";
    assert_eq!(spans(t), ["‘farce’", "‘disgrace’"]);
    let t = "“The ‘Iron Lady’ changed Britain,” he said.";
    let qs = run(t);
    assert_eq!(spans(t), ["“The ‘Iron Lady’ changed Britain,”", "‘Iron Lady’"]);
    assert_eq!((qs[1].depth, qs[1].parent), (1, Some(0)));
}

// ---- feet and inches -------------------------------------------------------

#[test]
fn feet_and_inches_are_not_quotes() {
    assert!(spans("The suspect is described as 6' 2\" with short hair.").is_empty());
    assert!(spans("The suspect is described as 6'2\" with short hair.").is_empty());
    assert!(spans("She stands 5′ 10″ tall.").is_empty());
    let t = "“He is 6’ 2” and fast,” the coach said.";
    assert_eq!(spans(t), ["“He is 6’ 2” and fast,”"]);
}

// ---- nesting ---------------------------------------------------------------

#[test]
fn nesting_with_depth_and_parent() {
    let t = "“He said, ‘Don’t worry,’ and left,” she recalled.";
    let qs = run(t);
    assert_eq!(spans(t), ["“He said, ‘Don’t worry,’ and left,”", "‘Don’t worry,’"]);
    assert_eq!((qs[0].depth, qs[0].parent), (0, None));
    assert_eq!((qs[1].depth, qs[1].parent), (1, Some(0)));
    assert_ne!(qs[0].group, qs[1].group);
    assert_eq!(speakers(t)[0], Some("she"));
}

#[test]
fn nesting_three_deep() {
    let t = "‘She told me, “He shouted ‘Stop!’ twice,” and ran,’ he said.";
    let qs = run(t);
    assert_eq!(qs.len(), 3, "{qs:?}");
    assert_eq!(qs.iter().map(|q| q.depth).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(qs.iter().map(|q| q.parent).collect::<Vec<_>>(), [None, Some(0), Some(1)]);
    assert!(qs.iter().all(|q| q.closed));
}

#[test]
fn british_outer_single_inner_double() {
    let t = "Smith said: ‘The sign read “Keep out” in red.’";
    let qs = run(t);
    assert_eq!(spans(t), ["‘The sign read “Keep out” in red.’", "“Keep out”"]);
    assert_eq!(qs[1].parent, Some(0));
}

// ---- paragraphs ------------------------------------------------------------

#[test]
fn multi_paragraph_quotation_single_line_breaks() {
    let t = "The mayor told reporters: ‘We have cut the budget twice.\n‘We will not cut it again.\n‘That is a promise.’\nThe council meets on Monday.";
    let qs = run(t);
    assert_eq!(spans(t), ["‘We have cut the budget twice.", "‘We will not cut it again.", "‘That is a promise.’"]);
    assert_eq!(qs.iter().map(|q| q.closed).collect::<Vec<_>>(), [false, false, true]);
    assert!(qs.iter().all(|q| q.group == qs[0].group && q.kind == QuoteKind::Direct));
    assert_eq!(speakers(t), [Some("The mayor"); 3]);
}

#[test]
fn multi_paragraph_quotation_blank_lines_and_doubles() {
    let t = "“We are not leaving,” said the union leader, Jo Price.\n\n“Our members have voted.\n\n“They will be heard.”\n\nTalks resume on Friday.";
    let qs = run(t);
    assert_eq!(spans(t), ["“We are not leaving,”", "“Our members have voted.", "“They will be heard.”"]);
    assert_ne!(qs[0].group, qs[1].group);
    assert_eq!(qs[1].group, qs[2].group);
    assert_eq!(qs[0].group, 0);
    assert_eq!(qs[1].group, 1);
    // Said the union leader; the next paragraphs continue the same speaker.
    assert_eq!(speakers(t), [Some("the union leader"); 3]);
}

#[test]
fn multi_paragraph_quotation_opening_mid_paragraph() {
    let t = "\"We are not leaving,\" she said. \"This is our home.\n\"We will stay.\"\nThe eviction is set for May.";
    let qs = run(t);
    assert_eq!(spans(t), ["\"We are not leaving,\"", "\"This is our home.", "\"We will stay.\""]);
    assert_ne!(qs[0].group, qs[1].group);
    assert_eq!(qs[1].group, qs[2].group);
    assert_eq!(speakers(t), [Some("she"); 3]);
}

#[test]
fn multi_paragraph_quotation_across_page_furniture() {
    let t = "The minister said: ‘Prices will fall this year.\nSign up for our daily briefing\nGet the biggest stories in your inbox every morning with our free newsletter.\n\n‘Wages will rise next year.’\nShe did not give figures.";
    let qs = run(t);
    assert_eq!(spans(t), ["‘Prices will fall this year.", "‘Wages will rise next year.’"]);
    assert_eq!(qs[0].group, qs[1].group);
    assert!(!qs[0].closed && qs[1].closed);
    assert_eq!(speakers(t), [Some("The minister"); 2]);
    let t = "The minister said: ‘Prices will fall.\nImage: The minister speaking in Westminster on Tuesday after the vote (Getty Images).\n‘Wages will rise.’";
    let qs = run(t);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].group, qs[1].group);
    let t = "The minister said: ‘Prices will fall.\nREAD MORE: Inflation hits a two-year low\n‘Wages will rise.’";
    let qs = run(t);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].group, qs[1].group);
}

#[test]
fn apostrophe_in_a_continued_paragraph() {
    let t = "‘The workers’ union has failed us.\n‘We will strike,’ the steward said.";
    let qs = run(t);
    assert_eq!(spans(t), ["‘The workers’ union has failed us.", "‘We will strike,’"]);
    assert_eq!(qs[0].group, qs[1].group);
    assert_eq!(speakers(t), [Some("the steward"); 2]);
    // A headline closing before a word is not continued by the next paragraph.
    let t = "‘Serious possibility’ Belarus could join war\n‘Ukraine has warned of this,’ he said.";
    let qs = run(t);
    assert_eq!(spans(t), ["‘Serious possibility’", "‘Ukraine has warned of this,’"]);
    assert_ne!(qs[0].group, qs[1].group);
}

#[test]
fn article_text_between_paragraphs_breaks_the_group() {
    let t = "The minister said: ‘Prices will fall this year.\nThe central bank has raised rates four times since January, and economists expect one more rise.\n‘Wages will rise next year,’ she added.";
    let qs = run(t);
    assert_eq!(qs.len(), 2);
    assert_ne!(qs[0].group, qs[1].group);
    assert!(!qs[0].closed);
}

#[test]
fn open_quote_not_continued_ends_at_paragraph_end() {
    let t = "He said: “We will fight on.  \nThe vote is next week.";
    let qs = run(t);
    assert_eq!(spans(t), ["“We will fight on."]);
    assert!(!qs[0].closed);
}

#[test]
fn opening_mark_typed_for_the_closing_one() {
    let t = "“We are ready,“ the coach said.";
    let qs = run(t);
    assert_eq!(spans(t), ["“We are ready,“"]);
    assert!(qs[0].closed);
    assert_eq!(qs[0].marks, "“”");
    assert_eq!(speakers(t), [Some("the coach")]);
}

#[test]
fn unmatched_closing_mark_is_not_a_quote() {
    assert!(spans("The vote was close.” Results follow tomorrow.").is_empty());
    assert!(spans("Nothing here” and nothing there’.").is_empty());
}

#[test]
fn odd_number_of_marks_keeps_the_rest() {
    // textacy gives up on a document with an odd number of marks.
    let t = "He said “no.\nShe said: “We will see,” and left.";
    assert_eq!(spans(t), ["“no.", "“We will see,”"]);
}

// ---- kinds -----------------------------------------------------------------

#[test]
fn direct_and_partial() {
    assert_eq!(kinds("“We will win,” she said."), ["direct"]);
    assert_eq!(kinds("She said: “We will win.”"), ["direct"]);
    assert_eq!(kinds("The report warned of a “perfect storm” for hospitals."), ["partial"]);
    assert_eq!(kinds("He dismissed the claims as “fake news”."), ["partial"]);
    assert_eq!(kinds("“Succession” won four awards on Sunday."), ["partial"]);
    assert_eq!(kinds("A source told the paper that there was ‘a growing sense of alarm’."), ["partial"]);
    assert_eq!(kinds("‘We are not done yet.’"), ["direct"]);
    assert_eq!(kinds("“Why now?” asked one voter."), ["direct"]);
    assert_eq!(kinds("He told the court, “I did not see the car.”"), ["direct"]);
    assert_eq!(kinds("He turned himself in and told the police, “everything he did”."), ["partial"]);
}

// ---- attribution -----------------------------------------------------------

#[test]
fn speaker_after_the_quote() {
    assert_eq!(attributed("“We will win,” she said."), [("“We will win,”", "direct", Some("she"), Some("said"))]);
    assert_eq!(speakers("“We will win,” said the minister."), [Some("the minister")]);
    assert_eq!(speakers("“We will win,” said Jane Smith, the minister."), [Some("Jane Smith")]);
    assert_eq!(speakers("“We will win,” the prime minister told reporters."), [Some("the prime minister")]);
    assert_eq!(speakers("‘It is over’, they added."), [Some("they")]);
    assert_eq!(speakers("“It is over,” Smith, 45, told the court."), [Some("Smith")]);
    assert_eq!(speakers("“It is over,” Mr. Jones later said."), [Some("Mr. Jones")]);
}

#[test]
fn speaker_before_the_quote() {
    assert_eq!(
        attributed("Allison told Metro: ‘Ukraine has warned us.’"),
        [("‘Ukraine has warned us.’", "direct", Some("Allison"), Some("told"))]
    );
    assert_eq!(speakers("Speaking in Kyiv, the president said: “We stand firm.”"), [Some("the president")]);
    assert_eq!(speakers("She added, “There is more to do.”"), [Some("She")]);
    assert_eq!(
        speakers("A senior official told Reuters that the plan was ‘dead in the water’."),
        [Some("A senior official")]
    );
}

#[test]
fn said_that() {
    assert_eq!(
        attributed("The minister said that the deal was “dead in the water”."),
        [("“dead in the water”", "partial", Some("The minister"), Some("said"))]
    );
    assert_eq!(speakers("Police have said that the driver was ‘not at fault’."), [Some("Police")]);
}

#[test]
fn plural_possessive_in_the_speaker() {
    assert_eq!(
        speakers("The players’ union said in a statement: “We are disappointed.”"),
        [Some("The players’ union")]
    );
    assert_eq!(speakers("“We are disappointed,” the players’ union said."), [Some("the players’ union")]);
}

#[test]
fn according_to() {
    assert_eq!(
        attributed("The talks were ‘going nowhere’, according to a senior diplomat."),
        [("‘going nowhere’", "partial", Some("a senior diplomat"), Some("according to"))]
    );
    assert_eq!(speakers("According to the coach, “the team is ready.”"), [Some("the coach")]);
}

#[test]
fn infinitive_cues() {
    assert_eq!(speakers("The defeat forced Johnson to admit the plan was ‘dead’."), [Some("Johnson")]);
    assert_eq!(speakers("She wanted to say the rules were ‘unfair’."), [Some("She")]);
    assert_eq!(speakers("Voters are expected to say the economy is ‘the main issue’."), [Some("Voters")]);
}

#[test]
fn passive_names_no_speaker() {
    let t = "The general is claimed to be ‘actively planning’ a new attack.";
    assert_eq!(speakers(t), [None]);
}

#[test]
fn continuing_speaker() {
    let t = "“We won,” the captain said. “It was hard.”\n“Now we rest.”\nThe team flies home on Sunday.";
    assert_eq!(speakers(t), [Some("the captain"); 3]);
    // A quote far from any attribution gets none.
    let t = "“We won,” the captain said.\nThe team flies home on Sunday.\n“Now we rest.”";
    assert_eq!(speakers(t), [Some("the captain"), None]);
}

#[test]
fn writer_introduced_quote_does_not_inherit() {
    let t = "“We won,” Smith said.\nJones disagreed: “It was luck.”";
    assert_eq!(speakers(t), [Some("Smith"), Some("Jones")]);
    let t = "“We won,” Smith said.\nJones was blunt: “It was luck.”";
    assert_eq!(speakers(t), [Some("Smith"), None]);
}

#[test]
fn inverted_cue_before_the_quote() {
    assert_eq!(speakers("Said one resident: “We are scared.”"), [Some("one resident")]);
    assert_eq!(speakers("“We are scared,” one resident, who asked not to be named, told AFP."), [Some("one resident")]);
}

#[test]
fn naming_verbs() {
    assert_eq!(speakers("The minister called the ruling “a disgrace”."), [Some("The minister")]);
    assert_eq!(speakers("They joined a group called “Friends of the Earth”."), [None]);
    assert_eq!(speakers("The so-called “experts” were wrong."), [None]);
}

#[test]
fn no_quotes_no_work() {
    assert!(spans("").is_empty());
    assert!(spans("Plain text with no marks at all.").is_empty());
}

#[test]
fn split_quotation_around_the_cue() {
    let t = "“I’m not going,” he said, “and neither are you.”";
    assert_eq!(spans(t), ["“I’m not going,”", "“and neither are you.”"]);
    assert_eq!(kinds(t), ["direct", "direct"]);
    assert_eq!(speakers(t), [Some("he"), Some("he")]);
    let t = "‘This is welcome news,’ said the Chancellor, ‘but we are not complacent.’";
    assert_eq!(speakers(t), [Some("the Chancellor"), Some("the Chancellor")]);
    assert_eq!(kinds(t), ["direct", "direct"]);
}

#[test]
fn agency_style_attribution() {
    assert_eq!(speakers("\"We will appeal,\" Smith said Tuesday."), [Some("Smith")]);
    assert_eq!(speakers("\"We will appeal,\" said Smith, who was elected in 2010."), [Some("Smith")]);
    assert_eq!(speakers("“We’ll see,” said Mr O’Neill."), [Some("Mr O’Neill")]);
    assert_eq!(
        attributed("Smith said the party was \"united and ready.\""),
        [("\"united and ready.\"", "partial", Some("Smith"), Some("said"))]
    );
    assert_eq!(speakers("Jeff Rathke, a State Department spokesman, said: “We urge calm.”"), [Some("Jeff Rathke")]);
    assert_eq!(speakers("Rival fans clashed, with one witness saying “it was chaos”."), [Some("one witness")]);
}

#[test]
fn straight_single_quotes_with_apostrophes() {
    let t = "'It's the students' fault,' he said.";
    assert_eq!(spans(t), ["'It's the students' fault,'"]);
    let t = "He said: 'I don't know.'";
    assert_eq!(spans(t), ["'I don't know.'"]);
    let t = "\"It's over,\" she said.";
    assert_eq!(spans(t), ["\"It's over,\""]);
}

#[test]
fn plural_possessive_before_final_punctuation() {
    let t = "‘In the end it was the Joneses’.’";
    assert_eq!(spans(t), ["‘In the end it was the Joneses’.’"]);
    let t = "He blamed ‘the parents’.";
    assert_eq!(spans(t), ["‘the parents’"]);
}

#[test]
fn scare_quotes_and_titles() {
    assert_eq!(kinds("The so-called “experts” were wrong again."), ["partial"]);
    assert_eq!(kinds("She starred in “The Crown” and “Bridgerton”."), ["partial", "partial"]);
    assert_eq!(kinds("He was named ‘Player of the Year’ in 2019."), ["partial"]);
    assert_eq!(kinds("“Minister quits over expenses” — The Times, 4 May"), ["partial"]);
    assert_eq!(kinds("“Oppenheimer”, the biopic, won seven awards."), ["partial"]);
    assert_eq!(kinds("‘We will win’, the striker insisted."), ["direct"]);
}

#[test]
fn quotes_in_brackets_and_after_ellipsis() {
    let t = "(“We are ready,” he said.)";
    assert_eq!(spans(t), ["“We are ready,”"]);
    assert_eq!(speakers(t), [Some("he")]);
    let t = "“…and that is final,” she said.";
    assert_eq!(spans(t), ["“…and that is final,”"]);
}

#[test]
fn straight_double_multi_paragraph() {
    let t = "The judge said: \"This was a cruel crime.\n\n\"You will serve at least 20 years.\"";
    let qs = run(t);
    assert_eq!(spans(t), ["\"This was a cruel crime.", "\"You will serve at least 20 years.\""]);
    assert_eq!(qs[0].group, qs[1].group);
    assert_eq!(speakers(t), [Some("The judge"); 2]);
}

// ---- German press conventions ---------------------------------------------
//
// German agencies and papers quote a speaker's words as fragments inside the
// reporting sentence (`sprach von einem „…“`, `bezeichnete X als „…“`, `Es
// sei „…“`): with marks whose convention is `reported-fragments` such a
// fragment is direct speech, while names and titles in the same marks stay
// partial.

#[test]
fn german_fragment_after_a_reporting_verb_is_direct() {
    let t = "Der Minister sprach von einem „historischen Fehler“.";
    assert_eq!(attributed(t), [("„historischen Fehler“", "direct", Some("Der Minister"), Some("sprach"))]);
    let t = "Die Bürgermeisterin bezeichnete den Beschluss als „Schlag ins Gesicht“.";
    assert_eq!(attributed(t), [("„Schlag ins Gesicht“", "direct", Some("Die Bürgermeisterin"), Some("bezeichnete"))]);
    // The English convention is unchanged: a phrase in the writer's sentence.
    assert_eq!(kinds("The minister spoke of a “historic mistake”."), ["partial"]);
}

#[test]
fn german_subjunctive_of_reported_speech() {
    let t = "Der Sprecher betonte, die Reform sei „längst überfällig“.";
    assert_eq!(attributed(t), [("„längst überfällig“", "direct", Some("Der Sprecher"), Some("betonte"))]);
    let t = "Laut Polizei sei der Fahrer „viel zu schnell“ unterwegs gewesen.";
    assert_eq!(attributed(t), [("„viel zu schnell“", "direct", Some("Polizei"), Some("Laut"))]);
    // Reported speech goes on in the next sentence, with the same speaker.
    let t = "Der Sprecher betonte, man prüfe alle Optionen. Eine Einigung sei „in greifbarer Nähe“.";
    assert_eq!(speakers(t), [Some("Der Sprecher")]);
    assert_eq!(kinds(t), ["direct"]);
}

#[test]
fn german_separable_and_perfect_reporting_verbs() {
    let t = "Die Richterin stellte in ihrem Urteil einen „groben Verstoß“ fest.";
    assert_eq!(attributed(t), [("„groben Verstoß“", "direct", Some("Die Richterin"), Some("stellte"))]);
    let t = "Die Gewerkschaft hatte die Pläne als „Provokation“ kritisiert.";
    assert_eq!(attributed(t), [("„Provokation“", "direct", Some("Die Gewerkschaft"), Some("kritisiert"))]);
    // Without its particle, `stellte` reports nothing.
    assert_eq!(kinds("Die Firma stellte ihr neues Modell „Blitz“ vor."), ["partial"]);
}

#[test]
fn german_names_and_titles_stay_partial() {
    for t in [
        "Das sagte er der Zeitschrift „Focus“.",
        "Wie die „Frankfurter Allgemeine Zeitung“ berichtete, sei der Vertrag unterschrieben.",
        "Der „Tatort“-Kommissar sagte, er sei müde.",
        "Tausende demonstrierten unter dem Motto „Wir sind mehr“, sagte die Polizei.",
        "Er habe für die „Zeit“ geschrieben, sagte sie.",
        "Die Partei „Die Grünen“ sei bereit, erklärte der Sprecher.",
        "Die als „Jahrhundertprojekt“ bezeichnete Brücke ist fertig.",
        "Der Anwalt bezeichnete den „Kronzeugen“ als notorischen Lügner.",
        "Im Kino läuft „Das Boot“.",
        "Die Band spielte „schöne“ Lieder.",
        "Die Kosten seien zu hoch, berichtete die ZDF-Sendung „Frontal“.",
        "Der Minister sagte, der Film „Im Westen nichts Neues“ habe ihn bewegt.",
    ] {
        assert!(run(t).iter().all(|q| q.kind == QuoteKind::Partial), "{t}: {:?}", attributed(t));
    }
}

#[test]
fn german_speaker_word_order() {
    let t = "„Wir sind enttäuscht“, sagte er am Montag.";
    assert_eq!(speakers(t), [Some("er")]);
    let t = "Am Montag sagte der Trainer: „Wir haben verdient verloren.“";
    assert_eq!(attributed(t), [("„Wir haben verdient verloren.“", "direct", Some("der Trainer"), Some("sagte"))]);
    let t = "Weiter erklärte sie: „Das Gesetz kommt.“";
    assert_eq!(speakers(t), [Some("sie")]);
    let t = "Innenminister Max Beispiel (SPD) sagte: „Wir handeln jetzt.“";
    assert_eq!(speakers(t), [Some("Innenminister Max Beispiel (SPD)")]);
    let t = "„Das ist ein guter Tag“, so die Ministerin.";
    assert_eq!(attributed(t), [("„Das ist ein guter Tag“", "direct", Some("die Ministerin"), Some("so"))]);
    let t = "So wird er mit den Worten zitiert: „Das war ein Fehler.“";
    assert_eq!(speakers(t), [Some("er")]);
}

#[test]
fn german_speaker_before_a_colon_without_verb() {
    let t = "Die Vorsitzende des Verbands, Anna Beispiel: „Wir fordern mehr Personal.“";
    assert_eq!(speakers(t), [Some("Die Vorsitzende des Verbands, Anna Beispiel")]);
    let t = "Die Kanzlerin schrieb auf Twitter:\n\n„Wir stehen an der Seite der Opfer.“";
    assert_eq!(speakers(t), [Some("Die Kanzlerin")]);
}

#[test]
fn german_statement_nouns_and_subjunctive_ii_report_speech() {
    let t = "Nach Angaben der Polizei war der Fahrer „stark alkoholisiert“.";
    assert_eq!(kinds(t), ["direct"]);
    let t = "Ohne Reform würde das System „in wenigen Jahren kollabieren“, warnte der Verband.";
    assert_eq!(attributed(t), [("„in wenigen Jahren kollabieren“", "direct", Some("der Verband"), Some("warnte"))]);
    // Slogans called out or carried by a crowd are its words.
    assert_eq!(kinds("Die Demonstranten skandierten „Wir sind das Volk“."), ["direct"]);
    assert_eq!(kinds("Auf Plakaten standen Parolen wie „Kohle stoppen“."), ["direct"]);
    // A passive without an agent names nobody; with one it does.
    assert_eq!(kinds("Die Gruppe war als „Sekte“ eingestuft worden."), ["partial"]);
    assert_eq!(kinds("Das Turnier wird von vielen als das „beste aller Zeiten“ bezeichnet."), ["direct"]);
    // Intentions are no report: `soll` stays out.
    assert_eq!(kinds("Die neue Brücke soll „Europabrücke“ heißen."), ["partial"]);
}

#[test]
fn german_so_parenthesis_and_bracketed_source() {
    let t = "Die Lage sei, so der Sprecher, „unter Kontrolle“.";
    assert_eq!(attributed(t), [("„unter Kontrolle“", "direct", Some("der Sprecher"), Some("so"))]);
    let t = "„Die Wahl verlief ohne Zwischenfälle.“ (Wahlbeobachter-Mission)";
    assert_eq!(speakers(t), [Some("Wahlbeobachter-Mission")]);
    let t = "„Wir müssen besser werden“, stellte der Kapitän nach dem Spiel fest.";
    assert_eq!(attributed(t), [("„Wir müssen besser werden“", "direct", Some("der Kapitän"), Some("stellte"))]);
}

#[test]
fn german_inverted_subject_after_a_quote_and_fronted_adverbs() {
    let t = "„Es gibt keinen Grund zur Sorge“, zitiert die Zeitung den Minister.";
    assert_eq!(speakers(t), [Some("die Zeitung")]);
    let t = "Kritisch bewertet die Opposition den „völlig überhasteten Beschluss“.";
    assert_eq!(attributed(t), [("„völlig überhasteten Beschluss“", "direct", Some("die Opposition"), Some("bewertet"))]);
    // An apposition's comma before the verb: the subject is before it.
    let t = "Anna Beispiel, die Sprecherin, bezeichnete den Plan als „unausgegoren“.";
    assert_eq!(speakers(t), [Some("Anna Beispiel")]);
}

#[test]
fn german_titles_after_a_colon_and_lone_words() {
    // A title after a colon: no stop inside the marks and no reporting verb.
    assert_eq!(kinds("Die Band stellte ihr neues Album vor: „Lieder aus dem Keller“."), ["partial"]);
    // A quoted sentence after a colon keeps its stop inside: direct.
    assert_eq!(kinds("Auf dem Plakat stand: „Wir bleiben hier.“"), ["direct"]);
    // A word in marks standing as its own sentence: a heading.
    assert_eq!(kinds("Die Seite ist online.\n»Linkliste«"), ["partial"]);
}

// ---- robustness ------------------------------------------------------------

/// Runs of 50,000 unmatched or alternating marks: a quadratic pass would not
/// finish here (speed itself is measured by benches/adversarial.py).
#[test]
fn many_unmatched_marks_stay_linear() {
    for unit in ["“", "”", "‘", "’", "\"", "'", "«", "„", "a’ ", "‘a ", "“‘ "] {
        let t = unit.repeat(50_000);
        let qs = run(&t);
        check_invariants(&t, &qs);
    }
}

#[test]
fn invariants_on_mixed_text() {
    let samples = [
        "“A ‘b “c ‘d’ e” f’ g” h",
        "’ ‘ ” “ ' \" « » „ “ ‚ ‘",
        "‘a\n‘b\n\n‘c’ d’ e’\n“f",
        "x’ y’ ‘z’ w’ ‘v",
        "\"\"\"\"''''",
        "‘‘‘’’’“““”””",
        "He said ‘the students’ ‘fault’ was ‘real",
    ];
    for t in samples {
        check_invariants(t, &run(t));
    }
}

/// Random documents over an alphabet of quote marks, letters, digits,
/// punctuation, spaces and line breaks: no panic, and every invariant holds
/// (a small xorshift generator keeps the test free of dependencies).
#[test]
fn random_documents_keep_the_invariants() {
    const PARTS: &[&str] = &[
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "„",
        "‚",
        "‹",
        "›",
        "「",
        "」",
        "′",
        "″",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "a",
        "We",
        "said",
        "he",
        "told",
        "Smith",
        "the",
        "students",
        "n",
        "em",
        "6",
        "90s",
        ",",
        ".",
        ":",
        "?",
        "—",
        "(",
        ")",
        "according",
        "to",
        "newsletter",
        "MORE",
        "é",
        "😀",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let rounds = std::env::var("QUOTE_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    for _ in 0..rounds {
        let len = (next() % 80) as usize;
        let text: String = (0..len).map(|_| PARTS[(next() % PARTS.len() as u64) as usize]).collect();
        let qs = run(&text);
        check_invariants(&text, &qs);
        // Without sentences given, the same result.
        let toks = tokenize(&text);
        assert_eq!(quotes(&text, &toks, &[]), qs, "{text:?}");
    }
}

/// Every window of the reference article (cut at arbitrary char
/// boundaries): the invariants hold and nothing panics.
#[test]
fn windows_of_the_reference_article() {
    let text = include_str!("../../../../tests/data/belarus-metro.txt");
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let step = bounds.len() / 97;
    for a in (0..bounds.len()).step_by(step) {
        for len in [7, 40, 333, 1500] {
            let b = (a + len).min(bounds.len() - 1);
            let t = &text[bounds[a]..bounds[b]];
            check_invariants(t, &run(t));
        }
    }
}

/// Pieces in bounds and in order, each starting at an opening mark and (when
/// closed) ending with its closing mark, properly nested, groups in document
/// order. Linear, so that it can check the large inputs too.
pub(super) fn check_invariants(text: &str, qs: &[Quote]) {
    let toks = tokenize(text);
    let mark_starts: std::collections::HashSet<usize> =
        toks.iter().filter(|t| t.kind == TokenKind::Quote).map(|t| t.start).collect();
    let mark_ends: std::collections::HashSet<usize> =
        toks.iter().filter(|t| t.kind == TokenKind::Quote).map(|t| t.end).collect();
    let tok_starts: std::collections::HashSet<usize> = toks.iter().map(|t| t.start).collect();
    let tok_ends: std::collections::HashSet<usize> = toks.iter().map(|t| t.end).collect();
    let mut open: Vec<usize> = Vec::new();
    let mut next_group = 0;
    for (i, q) in qs.iter().enumerate() {
        assert!(q.start < q.end && q.end <= text.len(), "{q:?}");
        assert!(mark_starts.contains(&q.start), "starts at a mark: {q:?}");
        if q.closed {
            assert!(mark_ends.contains(&q.end), "ends with a mark: {q:?}");
        }
        if i > 0 {
            assert!(qs[i - 1].start < q.start, "in order");
        }
        for s in [q.speaker, q.cue].into_iter().flatten() {
            assert!(
                s.start < s.end && tok_starts.contains(&s.start) && tok_ends.contains(&s.end),
                "speaker/cue on tokens: {q:?}"
            );
        }
        match q.parent {
            Some(p) => {
                assert!(p < i);
                assert_eq!(q.depth, qs[p].depth + 1);
                assert!(qs[p].start < q.start && q.end <= qs[p].end, "nested inside parent: {q:?} in {:?}", qs[p]);
            }
            None => assert_eq!(q.depth, 0),
        }
        // No crossing spans: every earlier piece still open contains this one.
        while open.last().is_some_and(|&e| e <= q.start) {
            open.pop();
        }
        if let Some(&e) = open.last() {
            assert!(q.end <= e, "crossing: {q:?}");
        }
        open.push(q.end);
        // Groups numbered in document order from 0.
        assert!(q.group <= next_group, "group order: {q:?}");
        if q.group == next_group {
            next_group += 1;
        }
    }
}

#[test]
fn gallop_is_partition_point() {
    use super::{gallop, gallop_back};
    let v: Vec<u32> = (0..40).map(|x| x / 3).collect();
    for x in 0..15 {
        let pred = |y: &u32| *y < x;
        for k in 0..=v.len() {
            let want = v.partition_point(pred);
            if want >= k {
                assert_eq!(gallop(&v, k, pred), want, "gallop {x} {k}");
            }
            assert_eq!(gallop_back(&v, k, pred), v[..k].partition_point(pred), "gallop_back {x} {k}");
        }
    }
}
