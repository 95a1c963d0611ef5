package sa.volunteering.matching.search.opportunities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The corpus ranked the way a stock setup would: Lucene's own {@link ArabicAnalyzer} on title and
 * description, the words of the query OR-ed with the title weighted as in the service. No taxonomy,
 * no English stemming, no typo tolerance: the baseline the relevance test reports beside the
 * service.
 */
final class StockArabicRanking implements AutoCloseable {

  private final Analyzer analyzer = new ArabicAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  StockArabicRanking(List<SearchCorpus.Entry> entries) {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (SearchCorpus.Entry entry : entries) {
        Document document = new Document();
        document.add(new StringField("key", entry.key(), Field.Store.YES));
        document.add(
            new TextField("title", entry.titleAr() + "\n" + entry.titleEn(), Field.Store.NO));
        document.add(new TextField("description", entry.descriptionAr(), Field.Store.NO));
        writer.addDocument(document);
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The keys of the best hits, best first. */
  List<String> top(String text, int n) {
    try {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      for (String term : terms(text)) {
        query.add(
            new BoostQuery(new TermQuery(new Term("title", term)), 4f), BooleanClause.Occur.SHOULD);
        query.add(new TermQuery(new Term("description", term)), BooleanClause.Occur.SHOULD);
      }
      List<String> keys = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), n).scoreDocs) {
        keys.add(searcher.storedFields().document(hit.doc).get("key"));
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> terms(String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("title", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
