package io.jvectorize.spec;

import java.util.List;
import java.util.Optional;

/**
 * The rules' verdict on one @GuVectorize method.
 *
 * @param declaration the method checked
 * @param layout the layout text
 * @param problems its errors and warnings
 * @param parameters where it has no error, its parameters as the layout and signature give them
 */
public record CheckedGuMethod(MethodDeclaration declaration, String layout, List<Problem> problems,
        Optional<List<GuParameter>> parameters) {

    public CheckedGuMethod {
        problems = List.copyOf(problems);
        parameters = parameters.map(List::copyOf);
        if (parameters.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a method is valid exactly where it has no error: " + problems);
        }
    }
}
