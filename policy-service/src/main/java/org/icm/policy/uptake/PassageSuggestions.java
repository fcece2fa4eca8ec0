package org.icm.policy.uptake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.stereotype.Component;

/**
 * Finds the passages of a procedure's text (pasted by the person recording uptake) most similar to a recommendation,
 * with Apache Lucene: the text is cut into passages (paragraphs, long ones into groups of sentences), indexed in memory
 * with the language's analyzer (stemming, stop words), and searched with the recommendation's own terms, ranked by
 * Lucene's BM25. The words of a passage that match are marked by the same analysis, so "children" matches "child".
 * Nothing is stored: the index lives for one request.
 */
@Component
public class PassageSuggestions {

    /** A passage longer than this is cut at sentence ends: a quotation, not a page. */
    static final int PASSAGE_MAX = 700;
    private static final String TEXT = "text";

    /** A passage with its place in the pasted text, its score and its words, the matching ones marked. */
    public record Suggestion(int rank, float score, int start, int end, String passage, List<Segment> segments) {
    }

    public record Segment(String text, boolean match) {
    }

    public List<Suggestion> suggest(String recommendation, String pastedText, Locale language, int size) {
        Analyzer analyzer = Locale.FRENCH.getLanguage().equals(language.getLanguage()) ? new FrenchAnalyzer() : new EnglishAnalyzer();
        Set<String> terms = terms(analyzer, recommendation);
        List<int[]> passages = passages(pastedText, language);
        if (terms.isEmpty() || passages.isEmpty()) {
            return List.of();
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < passages.size(); i++) {
                    int[] span = passages.get(i);
                    Document document = new Document();
                    document.add(new TextField(TEXT, pastedText.substring(span[0], span[1]), Field.Store.NO));
                    document.add(new StoredField("passage", i));
                    writer.addDocument(document);
                }
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            terms.stream().limit(IndexSearcher.getMaxClauseCount()).forEach(term ->
                    query.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD));
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<Suggestion> suggestions = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), size).scoreDocs) {
                    int[] span = passages.get(searcher.storedFields().document(hit.doc).getField("passage").numericValue().intValue());
                    String passage = pastedText.substring(span[0], span[1]);
                    suggestions.add(new Suggestion(suggestions.size() + 1, hit.score, span[0], span[1], passage, segments(analyzer, passage, terms)));
                }
                return List.copyOf(suggestions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the pasted text", e);
        } finally {
            analyzer.close();
        }
    }

    /** The analysed terms of a text, in their order, each once. */
    private static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The passage cut into words and what lies between, a word marked when its analysed form is one of the terms. */
    private static List<Segment> segments(Analyzer analyzer, String passage, Set<String> terms) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        try (TokenStream tokens = analyzer.tokenStream(TEXT, passage)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (terms.contains(term.toString()) && offset.startOffset() >= at) {
                    if (offset.startOffset() > at) {
                        segments.add(new Segment(passage.substring(at, offset.startOffset()), false));
                    }
                    segments.add(new Segment(passage.substring(offset.startOffset(), offset.endOffset()), true));
                    at = offset.endOffset();
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (at < passage.length()) {
            segments.add(new Segment(passage.substring(at), false));
        }
        return List.copyOf(segments);
    }

    /** Spans of the text: its paragraphs (split at blank lines or line ends), a long one cut into groups of sentences. */
    static List<int[]> passages(String text, Locale language) {
        List<int[]> passages = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            cut(text, start, end, language, passages);
            start = end + 1;
        }
        return passages;
    }

    private static void cut(String text, int from, int to, Locale language, List<int[]> into) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from >= to) {
            return;
        }
        if (to - from <= PASSAGE_MAX) {
            into.add(new int[] {from, to});
            return;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(language);
        sentences.setText(text.substring(from, to));
        int groupStart = 0;
        int last = 0;
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            if (end - groupStart > PASSAGE_MAX && last > groupStart) {
                into.add(trimmed(text, from + groupStart, from + last));
                groupStart = last;
            }
            last = end;
        }
        into.add(trimmed(text, from + groupStart, from + last));
    }

    private static int[] trimmed(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return new int[] {from, to};
    }
}
