package io.jvectorize.processor.translate;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Java's name resolution for the names a body uses, done again because javac has not
 * attributed bodies while processors run: fields by simple name (the class, the classes around
 * it, static imports), types by simple or qualified name (the nest, imports, the package,
 * {@code java.lang}), and the class a method call goes to.
 */
final class NameResolver {
    private final Elements elements;
    private final TypeElement owner;
    private final CompilationUnitTree unit;

    /** @param owner the class whose method body names are resolved in; {@code unit} is its source */
    NameResolver(Elements elements, TypeElement owner, CompilationUnitTree unit) {
        this.elements = elements;
        this.owner = owner;
        this.unit = unit;
    }

    /** A field, and the class it was found in. */
    record Field(VariableElement element, TypeElement owner) {}

    /** A method call's target: its name, and the class it goes to where that is known. */
    record MethodTarget(String name, Optional<TypeElement> owner) {}

    /** The class whose method body is resolved. */
    TypeElement owner() {
        return owner;
    }

    /** The field a simple name reads: of the class or a class around it, else a statically imported one. */
    Optional<Field> field(String name) {
        for (Element type = owner; type instanceof TypeElement; type = type.getEnclosingElement()) {
            Optional<VariableElement> field = fieldOf((TypeElement) type, name);
            if (field.isPresent()) {
                return Optional.of(new Field(field.get(), (TypeElement) type));
            }
        }
        return staticImport(name, false).flatMap(type -> fieldOf(type, name).map(field -> new Field(field, type)));
    }

    /** The field {@code Type.NAME} reads, where {@code Type} names a class. */
    Optional<Field> field(MemberSelectTree select) {
        String name = select.getIdentifier().toString();
        return typeNamed(select.getExpression()).flatMap(type -> fieldOf(type, name).map(field -> new Field(field, type)));
    }

    /**
     * The method a call's select names: {@code Type.m} goes to {@code Type}; a simple {@code m}
     * to the class where it or a class around it declares one (which hides a static import of
     * the same name), else to the class it is statically imported from.
     */
    MethodTarget method(ExpressionTree select) {
        if (select instanceof MemberSelectTree member) {
            return new MethodTarget(member.getIdentifier().toString(), typeNamed(member.getExpression()));
        }
        String name = ((IdentifierTree) select).getName().toString();
        return new MethodTarget(name, declaresMethod(name) ? Optional.of(owner) : staticImport(name, true));
    }

    /** Whether {@code type} declares more than one method of this name: Java would pick by argument types. */
    static boolean isOverloaded(TypeElement type, String name) {
        return methodsNamed(type, name) > 1;
    }

    /** Whether the class, or a class around it, declares a method of this name. */
    private boolean declaresMethod(String name) {
        for (Element type = owner; type instanceof TypeElement; type = type.getEnclosingElement()) {
            if (methodsNamed((TypeElement) type, name) > 0) {
                return true;
            }
        }
        return false;
    }

    private static long methodsNamed(TypeElement type, String name) {
        return type.getEnclosedElements().stream()
                .filter(member -> member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(name))
                .count();
    }

    private static Optional<VariableElement> fieldOf(TypeElement type, String name) {
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
                return Optional.of((VariableElement) member);
            }
        }
        return Optional.empty();
    }

    /** The type an expression such as {@code Math}, {@code Foo} or {@code java.lang.Math} names, if it names one. */
    Optional<TypeElement> typeNamed(ExpressionTree expression) {
        if (expression instanceof IdentifierTree identifier) {
            String name = identifier.getName().toString();
            for (Element type = owner; type instanceof TypeElement; type = type.getEnclosingElement()) {
                if (type.getSimpleName().contentEquals(name)) {
                    return Optional.of((TypeElement) type);
                }
            }
            for (ImportTree importTree : unit.getImports()) {
                String imported = importTree.getQualifiedIdentifier().toString();
                if (!importTree.isStatic() && imported.endsWith("." + name)) {
                    return Optional.ofNullable(elements.getTypeElement(imported));
                }
            }
            String packageName = packageOf(owner);
            TypeElement local = elements.getTypeElement(packageName.isEmpty() ? name : packageName + "." + name);
            if (local != null) {
                return Optional.of(local);
            }
            return Optional.ofNullable(elements.getTypeElement("java.lang." + name));
        }
        if (expression instanceof MemberSelectTree member) {
            return Optional.ofNullable(elements.getTypeElement(member.toString()));
        }
        return Optional.empty();
    }

    /** The class a name is statically imported from, for a method ({@code sqrt}) or a field ({@code PI}). */
    private Optional<TypeElement> staticImport(String name, boolean method) {
        for (ImportTree importTree : unit.getImports()) {
            if (!importTree.isStatic() || !(importTree.getQualifiedIdentifier() instanceof MemberSelectTree member)) {
                continue;
            }
            String imported = member.getIdentifier().toString();
            if (imported.equals(name) || imported.equals("*")) {
                TypeElement type = elements.getTypeElement(member.getExpression().toString());
                if (type != null && type.getEnclosedElements().stream().anyMatch(e -> e.getSimpleName().contentEquals(name)
                        && (e.getKind() == ElementKind.METHOD) == method)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }

    private static String packageOf(Element element) {
        while (!(element instanceof PackageElement)) {
            element = element.getEnclosingElement();
        }
        return ((PackageElement) element).getQualifiedName().toString();
    }
}
