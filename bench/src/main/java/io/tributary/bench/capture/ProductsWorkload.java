package io.tributary.bench.capture;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Seed 004's {@code inventory.products} documents ({@code Item}, a {@code Colors} array, an {@code Inventory}
 * document), inserted as its writer inserts them: {@code insertMany} batches, each document with a new ObjectId.
 */
final class ProductsWorkload {
    private static final String[] ITEMS = {"Pen", "Poster Paint", "Spray Paint", "Pencil", "Marker", "Crayon"};
    private static final List<String> COLORS = List.of("Red", "Green", "Blue", "Black", "White");

    private final MongoCollection<Document> collection;
    private final int batch;

    ProductsWorkload(MongoCollection<Document> collection, int batch) {
        this.collection = collection;
        this.batch = batch;
    }

    /** Inserts {@code count} documents, numbered from {@code first}, in batches; returns the nanoseconds it took. */
    long insert(long first, long count) {
        long start = System.nanoTime();
        List<Document> documents = new ArrayList<>(batch);
        for (long number = first; number < first + count; number++) {
            documents.add(document(number));
            if (documents.size() == batch || number == first + count - 1) {
                collection.insertMany(documents);
                documents.clear();
            }
        }
        return System.nanoTime() - start;
    }

    private static Document document(long number) {
        int n = (int) (number % 1_000_003);
        Document inventory = new Document("OnHand", n % 500).append("MinOnHand", n % 97);
        if (n % 3 == 2) {
            inventory.append("OrderQnty", n % 41);
        }
        return new Document("_id", new ObjectId()).append("Item", ITEMS[n % ITEMS.length] + " " + number)
                .append("Colors", COLORS.subList(0, 3 + n % 3)).append("Inventory", inventory);
    }
}
