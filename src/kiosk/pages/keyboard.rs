//! The kiosk's own on-screen keyboard, for the text fields (the offer's
//! "what", the note, the search). The documented kiosk has a touch
//! screen and no keyboard, so without this a member cannot type at all.
//!
//! It opens in the member's script: a Latin layout with the letters of
//! their language (Belgian AZERTY for French, Turkish Q with ğ ı ş, the
//! accents Dutch and French write), or the Arabic layout; one key swaps
//! to the other script, for a name written the other way. Upper case
//! comes from CSS `text-transform` under the layout's `lang`, so a
//! Turkish i becomes İ. The script (kiosk.js) types at the caret and
//! keeps the field focused; a physical keyboard works as before.

use maud::{html, Markup};

use super::super::text::{Lang, Messages};

/// One layout: its language tag, direction, and rows of keys.
struct Layout {
    lang: &'static str,
    dir: &'static str,
    rows: &'static [&'static str],
    /// Whether the layout has capitals (Arabic has none).
    shift: bool,
}

const DIGITS: &str = "1234567890";

const NL: Layout = Layout {
    lang: "nl",
    dir: "ltr",
    rows: &[DIGITS, "qwertyuiop", "asdfghjkl", "zxcvbnm", "éëèïöüáóç"],
    shift: true,
};
const EN: Layout = Layout {
    lang: "en",
    dir: "ltr",
    rows: &[DIGITS, "qwertyuiop", "asdfghjkl", "zxcvbnm", "éèëïöüçñ"],
    shift: true,
};
const FR: Layout = Layout {
    lang: "fr",
    dir: "ltr",
    rows: &[
        DIGITS,
        "azertyuiop",
        "qsdfghjklm",
        "wxcvbn",
        "éèêëàâçùûôîïœ",
    ],
    shift: true,
};
const TR: Layout = Layout {
    lang: "tr",
    dir: "ltr",
    rows: &[DIGITS, "qwertyuıopğü", "asdfghjklşi", "zxcvbnmöç", "âîû"],
    shift: true,
};
const AR: Layout = Layout {
    lang: "ar",
    dir: "rtl",
    rows: &[DIGITS, "ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظذ", "أإآ،؟"],
    shift: false,
};

/// The member's own layout, and the one the swap key leads to.
fn layouts(lang: Lang) -> (&'static Layout, &'static Layout) {
    match lang {
        Lang::Nl => (&NL, &AR),
        Lang::Fr => (&FR, &AR),
        Lang::En => (&EN, &AR),
        Lang::Tr => (&TR, &AR),
        // An Arabic speaker's Latin letters: the Belgian French keyboard
        // of the signs and papers around them.
        Lang::Ar => (&AR, &FR),
    }
}

/// The keyboard, hidden until a field marked `data-osk` is touched.
pub fn keyboard(m: &Messages) -> Markup {
    let (own, other) = layouts(m.lang());
    html! {
        // A named region, so the open keyboard is a landmark of its own
        // (it sits outside `main`, fixed at the bottom of the screen).
        div class="osk" id="osk" hidden role="region" aria-label=(m.t("key-keyboard")) {
            (layout(m, own, other, false))
            (layout(m, other, own, true))
        }
    }
}

fn layout(m: &Messages, this: &Layout, other: &Layout, hidden: bool) -> Markup {
    let swap_label = if other.lang == "ar" { "أبج" } else { "ABC" };
    html! {
        div class="osk-layout" data-layout=(this.lang) lang=(this.lang) dir=(this.dir) hidden[hidden] {
            @for row in this.rows {
                // Digits run left to right on an Arabic keyboard too.
                div class="osk-row" dir=[(*row == DIGITS).then_some("ltr")] {
                    @for key in row.chars() {
                        button type="button" class="osk-key osk-letter" data-key=(key) { (key) }
                    }
                }
            }
            div class="osk-row" {
                @if this.shift {
                    button type="button" class="osk-key osk-wide" data-osk="shift" aria-label=(m.t("key-shift")) { "⇧" }
                }
                // Its name starts with the letters it shows, so a screen
                // reader and a voice command say what is seen.
                button type="button" class="osk-key osk-wide" data-osk="swap" lang=(other.lang) aria-label=(format!("{swap_label}: {}", m.t("key-other-letters"))) { (swap_label) }
                button type="button" class="osk-key" data-key="-" { "-" }
                button type="button" class="osk-key osk-space" data-key=" " aria-label=(m.t("key-space")) { "␣" }
                button type="button" class="osk-key" data-key="'" { "'" }
                button type="button" class="osk-key" data-key="." { "." }
                button type="button" class="osk-key osk-wide osk-del" data-osk="del" aria-label=(m.t("key-delete")) { "⌫" }
                button type="button" class="osk-key osk-wide osk-done" data-osk="done" aria-label=(m.t("key-done")) { "✓" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter the kiosk's languages write has a key in the layout
    /// the member sees first.
    #[test]
    fn each_language_types_its_own_letters() {
        let has = |layout: &Layout, letters: &str| {
            letters
                .chars()
                .all(|c| layout.rows.iter().any(|row| row.contains(c)))
        };
        assert!(has(layouts(Lang::Nl).0, "éëïöü"));
        assert!(has(layouts(Lang::Fr).0, "éèêàçùôîœ"));
        assert!(has(layouts(Lang::Tr).0, "çğıiöşü"));
        assert!(has(layouts(Lang::Ar).0, "إصلاحدرجت"));
        for (lang, _) in crate::kiosk::text::LANGUAGES {
            let (own, other) = layouts(lang);
            assert_ne!(own.lang, other.lang);
        }
    }
}
