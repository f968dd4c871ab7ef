//! Folding the background loader's events into the reader's model: the
//! sidebar fills in as documents arrive and the status bar counts them.

use super::{App, View, Viewport};
use crate::content::Content;
use crate::corpus::{Corpus, Filter};
use crate::loading::{LoadEvent, LoadProgress};
use crate::strings;

impl App {
    /// Starts the reader before anything is loaded: the status bar (with the
    /// embedded helplines) and an empty sidebar; [`App::receive`] adds the rest.
    pub fn loading(filter: Filter, viewport: Viewport) -> App {
        let corpus = Corpus::empty(&crate::documents::embedded_manifest());
        let mut app = App::new(corpus, filter, viewport);
        app.loading = Some(LoadProgress::default());
        app
    }

    /// Whether the loader is still sending documents.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Folds one loader event into the model. Call [`App::loaded_some`]
    /// after a run of events so the sidebar is rebuilt once, not per event.
    pub fn receive(&mut self, event: LoadEvent) {
        let finished = matches!(event, LoadEvent::Finished);
        if matches!(event, LoadEvent::Started { .. }) {
            self.loading.get_or_insert_with(LoadProgress::default);
        }
        if let Some(loading) = self.loading.as_mut() {
            loading.fold(&mut self.corpus, event);
        }
        if !finished {
            return;
        }
        self.loading = None;
        if self.corpus.documents().is_empty() {
            self.message = Some(strings::NOTHING_LOADED.to_string());
        }
        // A speaker view open while loading lacks later statements. It is
        // kept by paragraph and byte, as a resize keeps it: the count line
        // above the statements may wrap differently now.
        if let View::Group(group) = self.page.view() {
            let content = Content::group(&self.corpus, group);
            let label_width = self.label_width(&content);
            self.page.reopen(View::Group(group), content, label_width);
            self.search.refind(self.page.content());
        }
    }

    /// Shows what has arrived: rebuilds the sidebar, and opens the first
    /// document once there is one and nothing else is open.
    pub fn loaded_some(&mut self) {
        if self.page.view() == View::Nothing && !self.corpus.documents().is_empty() {
            self.start();
        } else {
            self.rebuild_rows();
        }
    }

    /// The progress count for the status bar while loading.
    pub fn loading_status(&self) -> Option<String> {
        let loading = self.loading.as_ref()?;
        Some(match loading.total {
            None => strings::READING_SOURCES.to_string(),
            Some(total) => strings::loading_progress(loading.files, total),
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::documents::{self, Source};
    use crate::fixture;
    use crate::loading::build_corpus;

    /// A speaker view read while documents arrive is rebuilt when the
    /// load ends (it gains the later statements); the reader stays on the
    /// same words.
    #[test]
    fn a_speaker_view_open_while_loading_keeps_its_place() {
        let seed = build_corpus(&[Source::Embedded], &mut std::io::empty());
        let manifest = documents::plan(&[Source::Embedded], &mut std::io::empty()).manifest;
        let copies: Vec<_> = (0..3)
            .map(|i| {
                let mut doc = seed.documents()[0].clone();
                doc.id = format!("copy-{i}");
                doc
            })
            .collect();
        let batch = |documents: Vec<crate::documents::Document>| LoadEvent::Documents {
            extractions: documents.iter().map(|d| crate::corpus::extract_document(d, &manifest)).collect(),
            files: documents.len(),
            problems: Vec::new(),
            documents,
        };
        let mut app = App::loading(Default::default(), fixture::viewport(60, 20));
        app.receive(LoadEvent::Started { total: 3, manifest: manifest.clone() });
        app.receive(batch(copies[..2].to_vec()));
        app.loaded_some();
        let group = app.corpus.statements()[0].group();
        app.open_view(View::Group(group));
        app.focus = crate::app::Focus::Reader;
        for _ in 0..10 {
            app.update(Action::Down);
        }
        let place = |app: &App| app.page.anchor(app.page.top());
        let before = place(&app).expect("the top is in the content");
        assert!(before.0 > 2, "scrolled past the title and the count");
        app.receive(batch(copies[2..].to_vec()));
        app.receive(LoadEvent::Finished);
        app.loaded_some();
        assert_eq!(app.page.view(), View::Group(group));
        assert_eq!(place(&app), Some(before));
        let count = app.corpus.statements().iter().filter(|s| s.group() == group).count();
        assert_eq!(app.page.content().statements.len(), count, "the later statements are in the view");
    }

    #[test]
    fn documents_fill_in_and_keys_work_meanwhile() {
        let mut app = App::loading(Default::default(), fixture::viewport(100, 30));
        assert_eq!(app.loading_status().as_deref(), Some(strings::READING_SOURCES));
        assert_eq!(app.page.view(), View::Nothing);
        app.update(Action::Down);
        app.update(Action::FocusNext);
        let expected = build_corpus(&[Source::Embedded], &mut std::io::empty());
        let mut events = Vec::new();
        crate::loading::run(documents::plan(&[Source::Embedded], &mut std::io::empty()), |event| {
            events.push(event);
            true
        });
        let mut events = events.into_iter();
        app.receive(events.next().unwrap());
        app.loaded_some();
        assert_eq!(app.loading_status(), Some(strings::loading_progress(0, expected.documents().len())));
        for event in events {
            app.receive(event);
            app.loaded_some();
        }
        assert!(app.loading.is_none());
        assert_eq!(app.loading_status(), None);
        assert_eq!(app.corpus.statements(), expected.statements());
        assert_eq!(app.page.view(), View::Document(0));
        let fresh = App::new(expected, Default::default(), fixture::viewport(100, 30));
        assert_eq!(app.sidebar.rows(), fresh.sidebar.rows());
    }
}
