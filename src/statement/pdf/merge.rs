//! Joins finished PDF files into one, page after page: the combined file
//! the treasurer prints. Each part keeps its own fonts and resources, so no
//! page is painted twice; the price is one font subset per part instead of
//! one for the whole file. Every part gets a bookmark on its first page, so
//! a reader can jump to an account in a file of thousands of pages.
//!
//! For printing on both sides, a part with an odd number of pages is
//! followed by its `blank` page ("This page is intentionally left blank",
//! in the part's language), so every part starts on a front page and the
//! treasurer can hand out each member's sheets.

use lopdf::{dictionary, Bookmark, Dictionary, Document, Object, ObjectId};
use rayon::prelude::*;

use super::PdfError;

/// One finished PDF and the bookmark that leads to its first page.
pub struct Part<'a> {
    pub bookmark: String,
    pub pdf: &'a [u8],
    /// A one-page PDF put after the part when it has an odd number of
    /// pages; `None` joins the part as it is.
    pub blank: Option<&'a [u8]>,
}

/// Page attributes a page may inherit from its page tree (PDF 1.7, 7.7.3.4).
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// The merged file's own page tree and catalog; the parts' objects follow.
const PAGES_ID: ObjectId = (1, 0);
const CATALOG_ID: ObjectId = (2, 0);
const INFO_ID: ObjectId = (3, 0);
const FIRST_PART_ID: u32 = 4;

/// All parts in order, in one PDF. Parsing and renumbering run on every core;
/// only the final assembly and writing are sequential.
pub fn concatenate(parts: &[Part<'_>]) -> Result<Vec<u8>, PdfError> {
    // Each part, then its blank back page where it needs one; the blank is
    // read anew each time so that its objects get numbers of their own.
    let loaded = parts
        .par_iter()
        .map(|part| {
            let mut document = Document::load_mem(part.pdf).map_err(merge_error)?;
            untag(&mut document);
            let blank = match part.blank {
                Some(blank) if document.get_pages().len() % 2 == 1 => {
                    Some(Document::load_mem(blank).map_err(merge_error)?)
                }
                _ => None,
            };
            Ok((document, blank))
        })
        .collect::<Result<Vec<_>, PdfError>>()?;
    let mut documents = Vec::with_capacity(loaded.len());
    let mut bookmarks: Vec<Option<&str>> = Vec::with_capacity(loaded.len());
    for ((document, blank), part) in loaded.into_iter().zip(parts) {
        documents.push(document);
        bookmarks.push(Some(part.bookmark.as_str()));
        if let Some(blank) = blank {
            documents.push(blank);
            bookmarks.push(None);
        }
    }
    let mut next_id = FIRST_PART_ID;
    let first_ids: Vec<u32> = documents
        .iter()
        .map(|document| {
            let first = next_id;
            next_id += document.objects.len() as u32;
            first
        })
        .collect();
    documents
        .par_iter_mut()
        .zip(first_ids)
        .for_each(|(document, first)| document.renumber_objects_with(first));

    let mut merged = Document::with_version("1.7");
    merged.max_id = next_id - 1;
    let mut kids = Vec::new();
    for (document, bookmark) in documents.into_iter().zip(bookmarks) {
        let pages = take_pages(document, &mut merged)?;
        if let (Some(&first_page), Some(bookmark)) = (pages.first(), bookmark) {
            merged.add_bookmark(
                Bookmark::new(bookmark.to_owned(), [0.0; 3], 0, first_page),
                None,
            );
        }
        kids.extend(pages.into_iter().map(Object::Reference));
    }
    let count = kids.len() as i64;
    merged.objects.insert(
        PAGES_ID,
        dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }.into(),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => PAGES_ID };
    if let Some(outline) = merged.build_outline() {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
    merged.objects.insert(CATALOG_ID, catalog.into());
    merged.objects.insert(
        INFO_ID,
        dictionary! { "Creator" => Object::string_literal("akker") }.into(),
    );
    merged.trailer.set("Root", CATALOG_ID);
    merged.trailer.set("Info", INFO_ID);

    let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.pdf.len()).sum());
    merged.save_to(&mut bytes).map_err(merge_error)?;
    Ok(bytes)
}

/// Drops a part's structure tree: the combined file is for the printer
/// (each member's own file stays tagged), and a tree whose catalog is
/// left behind would only be dead weight in it.
fn untag(document: &mut Document) {
    if let Ok(catalog) = document.catalog_mut() {
        catalog.remove(b"StructTreeRoot");
        catalog.remove(b"MarkInfo");
    }
    let pages: Vec<ObjectId> = document.page_iter().collect();
    for page in pages {
        if let Ok(dictionary) = document.get_object_mut(page).and_then(Object::as_dict_mut) {
            dictionary.remove(b"StructParents");
        }
    }
    document.prune_objects();
}

/// Moves a part's pages and everything they use into `merged`, and returns
/// the pages in order. The part's catalog, page tree nodes and document
/// metadata are left behind; the pages take what they inherited from the
/// tree, and their parent becomes the merged page tree.
fn take_pages(mut document: Document, merged: &mut Document) -> Result<Vec<ObjectId>, PdfError> {
    let pages: Vec<ObjectId> = document.page_iter().collect();
    for &page in &pages {
        let inherited = inherited_attributes(&document, page);
        let dictionary = document
            .get_object_mut(page)
            .and_then(Object::as_dict_mut)
            .map_err(merge_error)?;
        for (key, value) in inherited {
            dictionary.set(key, value);
        }
        dictionary.set("Parent", PAGES_ID);
    }
    let mut left_behind: Vec<ObjectId> = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .into_iter()
        .collect();
    if let Ok(catalog) = document.catalog() {
        left_behind.extend(catalog.get(b"Metadata").and_then(Object::as_reference));
    }
    left_behind.extend(document.trailer.get(b"Root").and_then(Object::as_reference));
    for (id, object) in document.objects {
        let is_tree_node = object.type_name().is_ok_and(|name| name == b"Pages");
        if !is_tree_node && !left_behind.contains(&id) {
            merged.objects.insert(id, object);
        }
    }
    Ok(pages)
}

/// The inheritable attributes a page lacks, taken from its nearest ancestor
/// in the page tree that has them.
fn inherited_attributes(document: &Document, page: ObjectId) -> Vec<(Vec<u8>, Object)> {
    let Ok(own) = document.get_dictionary(page) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for key in INHERITED.iter().filter(|key| !own.has(key)) {
        if let Some(value) = ancestor_value(document, own, key) {
            found.push((key.to_vec(), value));
        }
    }
    found
}

fn ancestor_value(document: &Document, node: &Dictionary, key: &[u8]) -> Option<Object> {
    let mut node = node;
    // A page tree is shallow; the bound only guards against a cycle.
    for _ in 0..64 {
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = document.get_dictionary(parent).ok()?;
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
    }
    None
}

fn merge_error(error: impl std::fmt::Display) -> PdfError {
    PdfError::Write {
        reason: format!("could not join the statements into one file: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Messages;
    use crate::statement::pdf::render_statement_pdf;
    use crate::statement::sample;

    fn statement_pdf(statement: &crate::statement::model::Statement) -> Vec<u8> {
        render_statement_pdf(statement, Messages::for_language(&statement.language)).expect("pdf")
    }

    /// (title, page) of every top-level bookmark, in order.
    fn bookmarks(document: &Document) -> Vec<(String, ObjectId)> {
        let outlines = document.catalog().unwrap().get(b"Outlines").unwrap();
        let outlines = document.get_dictionary(outlines.as_reference().unwrap());
        let mut next = outlines.unwrap().get(b"First").ok().cloned();
        let mut found = Vec::new();
        while let Some(Object::Reference(id)) = next {
            let item = document.get_dictionary(id).unwrap();
            let title = lopdf::decode_text_string(item.get(b"Title").unwrap()).unwrap();
            let action = document.get_dictionary(item.get(b"A").unwrap().as_reference().unwrap());
            let destination = action.unwrap().get(b"D").unwrap().as_array().unwrap();
            found.push((title, destination[0].as_reference().unwrap()));
            next = item.get(b"Next").ok().cloned();
        }
        found
    }

    #[test]
    fn parts_follow_each_other_and_each_has_a_bookmark_to_its_first_page() {
        let long = sample::long_statement("nl", 40);
        let short = sample::member_statement("ar");
        let (long_pdf, short_pdf) = (statement_pdf(&long), statement_pdf(&short));
        let pages_of = |bytes: &[u8]| Document::load_mem(bytes).unwrap().get_pages().len();
        let long_pages = pages_of(&long_pdf);
        assert!(long_pages >= 3, "the long statement has several pages");
        let combined = concatenate(&[
            Part {
                bookmark: "M1 · Jan".into(),
                pdf: &long_pdf,
                blank: None,
            },
            Part {
                bookmark: "M2 · فاطمة".into(),
                pdf: &short_pdf,
                blank: None,
            },
        ])
        .expect("merged");

        let merged = Document::load_mem(&combined).expect("a PDF lopdf reads back");
        let pages: Vec<ObjectId> = merged.page_iter().collect();
        assert_eq!(pages.len(), long_pages + pages_of(&short_pdf));
        assert_eq!(
            bookmarks(&merged),
            vec![
                ("M1 · Jan".to_owned(), pages[0]),
                ("M2 · فاطمة".to_owned(), pages[long_pages]),
            ]
        );
        // The parts' catalogs, page trees and metadata stay behind.
        let of_type = |name: &[u8]| {
            let objects = merged.objects.values();
            objects
                .filter(|o| o.type_name().is_ok_and(|n| n == name))
                .count()
        };
        assert_eq!(
            (of_type(b"Catalog"), of_type(b"Pages"), of_type(b"Metadata")),
            (1, 1, 0)
        );
        for page in pages {
            let page = merged.get_dictionary(page).unwrap();
            assert_eq!(
                page.get(b"Parent").unwrap().as_reference().unwrap(),
                PAGES_ID
            );
            assert!(page.has(b"Resources") && page.has(b"MediaBox"));
        }
    }

    #[test]
    fn a_page_keeps_what_it_inherited_from_its_page_tree() {
        // A part whose page takes its size and resources from a nested tree.
        let mut part = Document::with_version("1.7");
        let root = part.new_object_id();
        let middle = part.new_object_id();
        let content = part.add_object(lopdf::Stream::new(Dictionary::new(), b"0 0 m".to_vec()));
        let page = part.add_object(dictionary! {
            "Type" => "Page", "Parent" => middle, "Contents" => content,
        });
        part.objects.insert(
            middle,
            dictionary! {
                "Type" => "Pages", "Parent" => root, "Kids" => vec![page.into()], "Count" => 1,
                "Resources" => Dictionary::new(),
            }
            .into(),
        );
        part.objects.insert(
            root,
            dictionary! {
                "Type" => "Pages", "Kids" => vec![middle.into()], "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 420.into(), 595.into()],
                "Resources" => dictionary! { "ProcSet" => vec!["PDF".into()] },
            }
            .into(),
        );
        let catalog = part.add_object(dictionary! { "Type" => "Catalog", "Pages" => root });
        part.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        part.save_to(&mut bytes).unwrap();

        let combined = concatenate(&[Part {
            bookmark: "A5".into(),
            pdf: &bytes,
            blank: None,
        }])
        .unwrap();
        let merged = Document::load_mem(&combined).unwrap();
        let page = merged
            .get_dictionary(merged.page_iter().next().unwrap())
            .unwrap();
        let width = page.get(b"MediaBox").unwrap().as_array().unwrap()[2].as_i64();
        assert_eq!(width.unwrap(), 420, "the size comes from the root");
        // The nearest ancestor wins: the middle node's empty resources.
        assert!(page
            .get(b"Resources")
            .unwrap()
            .as_dict()
            .unwrap()
            .is_empty());
        assert_eq!(merged.get_pages().len(), 1);
    }

    #[test]
    fn for_duplex_every_part_starts_on_a_front_page() {
        let statements = [
            sample::long_statement("nl", 40),
            sample::member_statement("ar"),
            sample::member_statement("fr"),
            sample::long_statement("en", 25),
        ];
        let pdfs: Vec<Vec<u8>> = statements.iter().map(statement_pdf).collect();
        let blanks: Vec<Vec<u8>> = statements
            .iter()
            .map(|s| {
                crate::statement::pdf::blank_page_pdf(Messages::for_language(&s.language)).unwrap()
            })
            .collect();
        let parts: Vec<Part<'_>> = pdfs
            .iter()
            .zip(&blanks)
            .enumerate()
            .map(|(i, (pdf, blank))| Part {
                bookmark: format!("part {i}"),
                pdf,
                blank: Some(blank),
            })
            .collect();
        let combined = Document::load_mem(&concatenate(&parts).unwrap()).unwrap();
        let counts: Vec<usize> = pdfs
            .iter()
            .map(|pdf| Document::load_mem(pdf).unwrap().get_pages().len())
            .collect();
        assert!(counts.iter().any(|c| c % 2 == 1), "{counts:?}: an odd part");
        let pages: Vec<ObjectId> = combined.page_iter().collect();
        let rounded: usize = counts.iter().map(|c| c.div_ceil(2) * 2).sum();
        assert_eq!(pages.len(), rounded, "{counts:?}");
        let mut start = 0;
        for ((title, page), count) in bookmarks(&combined).into_iter().zip(&counts) {
            let index = pages.iter().position(|p| *p == page).unwrap();
            assert_eq!(index, start, "{title} starts where the last one ended");
            assert_eq!(
                index % 2,
                0,
                "{title} starts on a front (odd-numbered) page"
            );
            start += count.div_ceil(2) * 2;
        }
    }
}
