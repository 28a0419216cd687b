package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.tributary.api.SourceException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class FieldFilterTest {
    private static final MongoSource.Namespace ORDERS = new MongoSource.Namespace("shop", "orders");

    @Test
    void nestedFieldsAreLeftOutOfDocumentsAndOfTheDocumentsInArrays() {
        FieldFilter filter = filter("shop.orders.customer.phone,shop.orders.lines.price,shop.orders.nowhere.x", "");
        BsonDocument document = json("{'_id': 1, 'customer': {'name': 'n', 'phone': 'p'}, 'lines': [{'sku': 'a', "
                + "'price': 1}, [{'price': 2}], 3, {'price': 4}]}");

        assertThat(filter.document(document)).isEqualTo(json("{'_id': 1, 'customer': {'name': 'n'}, 'lines': "
                + "[{'sku': 'a'}, [{'price': 2}], 3, {}]}"));
        assertThat(document.getDocument("customer").containsKey("phone")).as("the given document kept").isTrue();
    }

    @Test
    void aRenamedFieldKeepsItsLevelAndMovesLast() {
        FieldFilter filter = filter("", "shop.orders.customer.name:fullName,shop.orders.qty:quantity");

        assertThat(filter.document(json("{'qty': 1, 'customer': {'name': 'n', 'phone': 'p'}, 'z': 0}")).toJson())
                .isEqualTo(json("{'customer': {'phone': 'p', 'fullName': 'n'}, 'z': 0, 'quantity': 1}").toJson());
    }

    /**
     * As Debezium's: the first path above the field (here {@code lines.1}) ends the search, the paths after it kept;
     * and where the field's own path is there, only it changes.
     */
    @Test
    void updatedFieldsAreMatchedByTheirDottedPathsWithArrayIndexesIgnored() {
        FieldFilter excluding = filter("shop.orders.lines.price", "");
        FieldFilter renaming = filter("", "shop.orders.lines.price:cost");
        BsonDocument updated = json("{'lines.0.price': 1, 'lines.1': {'price': 2, 'sku': 's'}, 'lines.2.price.eur': 3, "
                + "'qty': 4}");

        assertThat(excluding.updatedFields(updated)).isEqualTo(json("{'lines.1': {'sku': 's'}, "
                + "'lines.2.price.eur': 3, 'qty': 4}"));
        assertThat(renaming.updatedFields(updated).toJson()).isEqualTo(json("{'lines.1': {'sku': 's', 'cost': 2}, "
                + "'lines.2.price.eur': 3, 'qty': 4, 'lines.0.cost': 1}").toJson());
        assertThat(renaming.updatedFields(json("{'lines.2.price.eur': 3, 'lines.price': 5}")).toJson())
                .isEqualTo(json("{'lines.2.price.eur': 3, 'lines.cost': 5}").toJson());
    }

    @Test
    void removedFieldsAboveAnExcludedFieldAreDroppedButNotThoseBelowIt() {
        FieldFilter filter = filter("shop.orders.a.b", "shop.orders.c.d:e");

        assertThat(filter.fieldNames(List.of("a", "a.b", "a.0.b", "a.b.c", "x", "c.1.d", "c")))
                .containsExactly("a.b.c", "x", "c.1.e", "c");
    }

    @Test
    void entriesApplyToTheirCollectionsOnlyWithWildcardsAndAnyCase() {
        FieldFilter filter = filter("SHOP.Ord*.secret,*.*.everywhere", "");

        assertThat(filter.forCollection(ORDERS).fieldNames(List.of("secret", "everywhere", "kept")))
                .containsExactly("kept");
        assertThat(filter.forCollection(new MongoSource.Namespace("other", "orders"))
                .fieldNames(List.of("secret", "everywhere"))).containsExactly("secret");
    }

    @Test
    void whatDebeziumFailsOnIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> filter("", "shop.orders.a:b").document(json("{'a': 1, 'b': 2}")))
                .isInstanceOf(SourceException.class).hasMessageContaining("already has a field b");
        assertThatThrownBy(() -> filter("shop.orders.tags", "").truncatedArrayName("tags"))
                .isInstanceOf(SourceException.class).hasMessageContaining("remove the array's entry");
        assertThatThrownBy(() -> filter("shop.orders.a", "").fieldName("a..b"))
                .isInstanceOf(SourceException.class).hasMessageContaining("empty name");
    }

    @Test
    void entriesAreCheckedAsDebeziumChecksThem() {
        assertThat(FieldFilter.invalid("db.c.f, db.c.g.h,*.c-1.f|g,", FieldFilter.EXCLUSION)).isEmpty();
        assertThat(FieldFilter.invalid("db.c,db.c.$f,db..f,db.c.f:g", FieldFilter.EXCLUSION))
                .containsExactly("db.c", "db.c.$f", "db..f", "db.c.f:g");
        assertThat(FieldFilter.invalid("db.c.f:g,db.c.f,db.c.f:g.h", FieldFilter.RENAMING))
                .containsExactly("db.c.f", "db.c.f:g.h");
    }

    private static FieldFilter filter(String excludeList, String renames) {
        return FieldFilter.of(excludeList, renames).forCollection(ORDERS);
    }

    private static BsonDocument json(String json) {
        return BsonDocument.parse(json.replace('\'', '"'));
    }
}
