package io.jvectorize.runtime;

import static io.jvectorize.runtime.TableComputeTest.accounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to filter, select, agg and groupBy: each error says what to change, with a caret into the text. */
class TableErrorsTest {

    private static String error(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static ExprSyntaxException syntax(Executable call) {
        return assertThrows(ExprSyntaxException.class, call);
    }

    @Test
    void unknownColumnNamesItAndListsTheColumns() {
        ExprSyntaxException e = syntax(() -> accounts().filter("amout > 0"));
        assertEquals("unknown column \"amout\" (did you mean \"amount\"?): the table has columns name, amount, id, n"
                + " at column 1\namout > 0\n^", e.getMessage());
        assertEquals(1, e.column());
        e = syntax(() -> accounts().select("id", "amount * 2 + price as total"));
        assertEquals("unknown column \"price\": the table has columns name, amount, id, n at column 14\n"
                + "amount * 2 + price as total\n             ^", e.getMessage());
        assertEquals("unknown column \"nme\" (did you mean \"name\"?): the table has columns name, amount, id, n",
                error(() -> accounts().groupBy("nme")));
        assertEquals("unknown column \"zzz\": the table has columns name, amount, id, n",
                error(() -> Compute.compute(Expr.parse("sum(zzz)"), accounts())));
    }

    @Test
    void typeErrorsNameTheColumnAndItsType() {
        ExprSyntaxException e = syntax(() -> accounts().select("name + 1 as x"));
        assertEquals("column name is a string column, which + cannot take: strings can only be compared"
                + " (== != < <= > >=) with a string literal, as in name == 'Bob' at column 1\nname + 1 as x\n^", e.getMessage());
        e = syntax(() -> accounts().filter("amount > 0 & name == 3"));
        assertEquals("string column name is compared (==) with int64 3: compare a string column with a string literal,"
                + " as in name == 'Bob' at column 14\namount > 0 & name == 3\n             ^", e.getMessage());
        e = syntax(() -> accounts().filter("amount == 'Bob'"));
        assertEquals("string literal 'Bob' is compared (==) with float64 column amount: compare a string column with"
                + " a string literal, as in name == 'Bob' at column 1\namount == 'Bob'\n^", e.getMessage());
        assertEquals("filter needs a condition, such as amount > 0, and \"amount * 2\" is float64",
                error(() -> accounts().filter("amount * 2")));
        assertEquals("column name is a string column, which an Expr built in code cannot hold: compare it in text,"
                + " as in t.filter(\"name == 'Bob'\")", error(() -> accounts().filter(Expr.symbol("name").gt(0.0))));
        assertEquals("column id is int64 but the expression declares symbol id as int32, which int64 does not widen to;"
                + " declare it as Expr.symbol(\"id\", DType.INT64)",
                error(() -> Compute.compute(Expr.symbol("id", DType.INT32).sum(), accounts())));
    }

    @Test
    void malformedTextGivesTheColumnAndACaret() {
        ExprSyntaxException e = syntax(() -> accounts().groupBy("name").agg("sum(amount) as total", "mean(amount as m"));
        assertEquals("expected ',' or ')' at column 13 to close the '(' at column 5, found 'as'\n"
                + "mean(amount as m\n            ^", e.getMessage());
        e = syntax(() -> accounts().groupBy("name").agg("sum(amount) as"));
        assertEquals("expected a column name after 'as' at column 15, as in amount * 2 as doubled\nsum(amount) as\n"
                + "              ^", e.getMessage());
        e = syntax(() -> accounts().groupBy("name").agg("amount * 2 as doubled"));
        assertEquals("an aggregation is one reduction of a column or expression, such as sum(amount) as total,"
                + " and amount * 2 at column 1 is not one\namount * 2 as doubled\n^", e.getMessage());
        e = syntax(() -> accounts().groupBy("name").agg("sum(amount - mean(amount)) as s"));
        assertEquals("a reduction inside an aggregation (mean(amount)) is not computed per group: aggregate each"
                + " reduction on its own at column 14\nsum(amount - mean(amount)) as s\n             ^", e.getMessage());
        e = syntax(() -> accounts().select("amount as first name"));
        assertEquals("column name \"first name\" after 'as' at column 11 is not a name: write it between backticks,"
                + " as `first name`\namount as first name\n          ^", e.getMessage());
        e = syntax(() -> accounts().filter("name == 'Bob"));
        assertEquals("quote at column 9 is not closed: end the string with '\nname == 'Bob\n        ^", e.getMessage());
        e = syntax(() -> accounts().select("sum(amount) as total"));
        assertEquals(1, e.column());
        e = syntax(() -> accounts().select("fillnull(amount) as a"));
        assertEquals("fillnull takes 2 arguments (x, the value where x is missing), not 1\nfillnull(amount) as a\n^",
                e.getMessage());
    }

    @Test
    void nothingHalfBuiltIsReturned() {
        Table t = accounts();
        assertEquals("two columns are named \"id\"; give every column its own name",
                error(() -> t.select("id", "amount as id")));
        assertEquals("two columns are named \"name\"; give every column its own name",
                error(() -> t.groupBy("name").agg("count(amount) as name")));
        assertEquals("select needs at least one column: a name or \"expression as name\"", error(t::select));
        assertEquals("groupBy needs at least one key column; agg(...) aggregates the whole table", error(t::groupBy));
        assertEquals(accounts(), t, "the table is unchanged");
    }

    @Test
    void backticksNameAnyColumn() {
        Table t = Table.of(TableTest.columns("first name", new String[] {"Ann", "Bo"}, "unit price", new double[] {2, 3}));
        Table s = t.filter("`first name` == 'Bo'").select("`first name`", "`unit price` * 2 as `double price`");
        assertEquals("var * {\"first name\": string, \"double price\": float64}", s.schema());
        assertEquals(6.0, s.column("double price").get(0));
    }
}
