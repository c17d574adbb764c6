package io.valence.examples.webflux;

import io.valence.examples.webflux.model.Address;
import io.valence.examples.webflux.model.Preferences;
import java.math.BigDecimal;
import java.util.List;

/**
 * The request bodies of the shop's endpoints. The responses are the entities themselves, written by
 * orm-spring's Jackson module.
 */
final class ShopViews {
    private ShopViews() {}

    /**
     * The body of {@code POST /customers}.
     *
     * @param name the customer's name, 1 to 100 characters
     * @param address the postal address, optional
     * @param preferences the preferences, optional
     * @param tags the tags, optional
     */
    record NewCustomer(String name, Address address, Preferences preferences, List<String> tags) {
        NewCustomer {
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("name must be 1 to 100 characters, was "
                        + (name == null ? "missing" : "\"" + name + "\""));
            }
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * The body of {@code POST /customers/{id}/orders}.
     *
     * @param lines the lines, at least one
     */
    record NewOrder(List<NewLine> lines) {
        NewOrder {
            if (lines == null || lines.isEmpty()) {
                throw new IllegalArgumentException("an order needs at least one line");
            }
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a {@link NewOrder}.
     *
     * @param sku the article, 1 to 40 characters
     * @param quantity how many, at least 1
     * @param unitPrice the price of one, at most two decimals
     */
    record NewLine(String sku, int quantity, BigDecimal unitPrice) {
        NewLine {
            if (sku == null || sku.isBlank() || sku.length() > 40) {
                throw new IllegalArgumentException("sku must be 1 to 40 characters, was "
                        + (sku == null ? "missing" : "\"" + sku + "\""));
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
            }
            if (unitPrice == null || unitPrice.signum() < 0) {
                throw new IllegalArgumentException("unitPrice must be 0 or more, was " + unitPrice);
            }
        }
    }
}
