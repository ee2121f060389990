//! Fonts, shaping and bidi for the PDF renderer.
//!
//! krilla draws glyphs but does no bidi and no font fallback, so this module
//! does both jobs it needs: it splits a line into directional runs with
//! `unicode-bidi` (visual order), shapes each run with `rustybuzz` (the same
//! shaper krilla uses, so Arabic letters join), and reports widths so the
//! layout can right-align numbers, wrap and truncate.
//!
//! DejaVu Sans covers Latin with accents, Turkish, Cyrillic, Greek and
//! Arabic, so one family serves every name we expect; a character outside
//! it prints as the font's empty box rather than failing the statement.
//!
//! The font set is parsed once per process (`FontSet::get`) and shared by
//! every thread: krilla fonts are reference-counted and rustybuzz faces are
//! read-only views of `'static` bytes.

use std::ops::Range;
use std::sync::OnceLock;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};

/// Regular or bold; the statement needs no other style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One font: krilla's handle for embedding, rustybuzz's face for shaping.
pub struct Face {
    pub pdf: Font,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
}

/// The fonts of a statement, loaded once.
pub struct FontSet {
    regular: Face,
    bold: Face,
}

impl FontSet {
    /// The shared font set. The fonts are compiled into the binary by the
    /// `dejavu` crate; failing to parse them is a build problem, not a data
    /// problem, hence the panic with a clear message.
    pub fn get() -> &'static FontSet {
        static FONTS: OnceLock<FontSet> = OnceLock::new();
        FONTS.get_or_init(|| FontSet {
            regular: Face::load(dejavu::sans::regular()),
            bold: Face::load(dejavu::sans::bold()),
        })
    }

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        let pdf = Font::new(bytes.into(), 0).expect("DejaVu Sans from the dejavu crate parses");
        let shaper = rustybuzz::Face::from_slice(bytes, 0)
            .expect("DejaVu Sans from the dejavu crate parses");
        let units_per_em = f32::from(shaper.units_per_em() as u16);
        Face {
            pdf,
            shaper,
            units_per_em,
        }
    }
}

/// A run of text in one direction, shaped: glyph advances are in em (krilla
/// multiplies them by the font size when drawing).
#[derive(Debug, Clone)]
pub struct Run {
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    pub width_em: f32,
}

/// A line ready to draw: runs in visual order, left to right.
#[derive(Debug, Clone)]
pub struct ShapedLine {
    pub weight: Weight,
    pub runs: Vec<Run>,
    pub width_em: f32,
}

impl ShapedLine {
    /// Width in points at a font size.
    pub fn width(&self, size: f32) -> f32 {
        self.width_em * size
    }

    /// The logical text (runs joined), for tests and debugging.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Shapes one line of text: bidi runs in visual order, each shaped in its
/// direction. `rtl_paragraph` is the page direction, which decides where
/// neutral characters (spaces, punctuation between scripts) go.
pub fn shape_line(text: &str, weight: Weight, rtl_paragraph: bool) -> ShapedLine {
    with_shaped(text, weight, rtl_paragraph, ShapedLine::clone)
}

/// `read` applied to the shaped line, from this thread's cache (shaping it
/// first if it is not there), without copying the line.
fn with_shaped<T>(
    text: &str,
    weight: Weight,
    rtl_paragraph: bool,
    read: impl FnOnce(&ShapedLine) -> T,
) -> T {
    SHAPED.with(|cache| {
        let mut cache = cache.borrow_mut();
        let lines =
            &mut cache[usize::from(weight == Weight::Bold) * 2 + usize::from(rtl_paragraph)];
        if let Some(line) = lines.get(text) {
            return read(line);
        }
        if lines.len() >= SHAPED_CACHE_MAX {
            lines.clear();
        }
        let line = shape_line_uncached(text, weight, rtl_paragraph);
        let value = read(&line);
        lines.insert(text.to_owned(), line);
        value
    })
}

/// Lines shaped on this thread, per weight and direction. A month's batch
/// shapes the same words, names, labels and amounts thousands of times
/// (wrapping measures every word), and shaping is the dearest step of
/// laying out a page.
const SHAPED_CACHE_MAX: usize = 100_000;

thread_local! {
    static SHAPED: std::cell::RefCell<[std::collections::HashMap<String, ShapedLine>; 4]> =
        std::cell::RefCell::new(Default::default());
}

fn shape_line_uncached(text: &str, weight: Weight, rtl_paragraph: bool) -> ShapedLine {
    let face = FontSet::get().face(weight);
    let mut runs = Vec::new();
    for (range, rtl) in visual_runs(text, rtl_paragraph) {
        let run_text = &text[range];
        runs.push(shape_run(face, run_text, rtl));
    }
    let width_em = runs.iter().map(|r| r.width_em).sum();
    ShapedLine {
        weight,
        runs,
        width_em,
    }
}

/// Byte ranges of `text` in visual order with their direction.
fn visual_runs(text: &str, rtl_paragraph: bool) -> Vec<(Range<usize>, bool)> {
    if text.is_empty() {
        return Vec::new();
    }
    let base = if rtl_paragraph {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(text, Some(base));
    let mut out = Vec::new();
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|level| level.is_rtl());
            out.push((run, rtl));
        }
    }
    out
}

/// Shapes a single-direction run into krilla glyphs.
fn shape_run(face: &Face, text: &str, rtl: bool) -> Run {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    let output = rustybuzz::shape(&face.shaper, &[], buffer);
    let clusters = cluster_starts(output.glyph_infos().iter().map(|i| i.cluster as usize));
    let upem = face.units_per_em;
    let mut width_em = 0.0;
    let glyphs = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let x_advance = pos.x_advance as f32 / upem;
            width_em += x_advance;
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                x_advance,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..cluster_end(&clusters, start, text.len()),
                None,
            )
        })
        .collect();
    Run {
        text: text.to_owned(),
        glyphs,
        width_em,
    }
}

/// Sorted, distinct cluster starts: a glyph's text ends where the next
/// cluster (in logical order) begins, whatever the visual direction.
fn cluster_starts(clusters: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut starts: Vec<usize> = clusters.collect();
    starts.sort_unstable();
    starts.dedup();
    starts
}

fn cluster_end(starts: &[usize], start: usize, text_len: usize) -> usize {
    match starts.binary_search(&start) {
        Ok(i) => starts.get(i + 1).copied().unwrap_or(text_len),
        Err(_) => text_len,
    }
}

/// Width of a text in points, as it will be drawn.
pub fn measure(text: &str, weight: Weight, size: f32, rtl_paragraph: bool) -> f32 {
    with_shaped(text, weight, rtl_paragraph, |line| line.width(size))
}

/// The text shaped to fit `max_width` points: cut at a character boundary
/// with "…" when too long. Only for names in narrow cells; sentences wrap.
pub fn fit_line(text: &str, weight: Weight, size: f32, max_width: f32, rtl: bool) -> ShapedLine {
    let whole = shape_line(text, weight, rtl);
    if whole.width(size) <= max_width {
        return whole;
    }
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    // Binary search for the longest prefix that fits with the ellipsis.
    let (mut low, mut high) = (0usize, boundaries.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        let candidate = format!("{}…", text[..boundaries[mid - 1]].trim_end());
        if measure(&candidate, weight, size, rtl) <= max_width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let kept = boundaries.get(low).map_or(text, |&end| &text[..end]);
    shape_line(&format!("{}…", kept.trim_end()), weight, rtl)
}

/// Word-wraps a paragraph into shaped lines of at most `max_width` points.
/// A word longer than a whole line is cut with "…" rather than overflowing.
pub fn wrap(text: &str, weight: Weight, size: f32, max_width: f32, rtl: bool) -> Vec<ShapedLine> {
    let space = measure(" ", weight, size, rtl);
    let mut lines = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut current_width = 0.0;
    // Only ordinary spaces break lines: dates hold no-break spaces.
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = measure(word, weight, size, rtl);
        let needed = if current.is_empty() {
            word_width
        } else {
            current_width + space + word_width
        };
        if !current.is_empty() && needed > max_width {
            lines.push(wrapped_line(&current, weight, size, max_width, rtl));
            current.clear();
            current_width = 0.0;
        }
        if !current.is_empty() {
            current_width += space;
        }
        current.push(word);
        current_width += word_width;
    }
    if !current.is_empty() {
        lines.push(wrapped_line(&current, weight, size, max_width, rtl));
    }
    lines
}

/// One wrapped line. Left-to-right text is put together from the words'
/// shapes, which wrapping has already made (and cached); only a line with
/// right-to-left text, whose words bidi may reorder, or a single word too
/// long to fit, is shaped again as a whole.
fn wrapped_line(
    words: &[&str],
    weight: Weight,
    size: f32,
    max_width: f32,
    rtl: bool,
) -> ShapedLine {
    let text = words.join(" ");
    let left_to_right = !rtl && !text.chars().any(is_strong_rtl);
    if left_to_right {
        if let Some(line) = joined_words(words, weight) {
            if line.width(size) <= max_width {
                return line;
            }
        }
    }
    fit_line(&text, weight, size, max_width, rtl)
}

fn is_strong_rtl(c: char) -> bool {
    matches!(
        unicode_bidi::bidi_class(c),
        unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
    )
}

/// Left-to-right words and the spaces between them as one run, glyphs
/// taken from each word's own shaping with their text ranges moved to
/// where the word stands in the line.
fn joined_words(words: &[&str], weight: Weight) -> Option<ShapedLine> {
    let space = shape_line(" ", weight, false);
    let mut text = String::new();
    let mut glyphs = Vec::new();
    let mut width_em = 0.0;
    for (i, word) in words.iter().enumerate() {
        let parts = if i == 0 {
            vec![shape_line(word, weight, false)]
        } else {
            vec![space.clone(), shape_line(word, weight, false)]
        };
        for part in parts {
            let [run] = part.runs.as_slice() else {
                return None;
            };
            let offset = text.len();
            text.push_str(&run.text);
            glyphs.extend(run.glyphs.iter().map(|g| {
                let mut g = g.clone();
                g.text_range = (g.text_range.start + offset)..(g.text_range.end + offset);
                g
            }));
            width_em += run.width_em;
        }
    }
    Some(ShapedLine {
        weight,
        runs: vec![Run {
            text,
            glyphs,
            width_em,
        }],
        width_em,
    })
}
