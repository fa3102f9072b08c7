// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A test class Surefire never picks up is a test that cannot fail: every source file of either
 * module that declares tests or properties must be named as Surefire's default includes expect
 * ({@code *Test}, {@code Test*}, {@code *Tests}, {@code *TestCase}).
 */
class TestClassNamesTest {
    private static final Pattern DECLARES_TESTS = Pattern.compile(
            "@(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|ArchTest)\\b");
    private static final Pattern PICKED = Pattern.compile("(Test.*|.*Test|.*Tests|.*TestCase)\\.java");

    @Test
    void everyClassWithTestsIsRunBySurefire() throws IOException {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        List<Path> roots = List.of(module.resolve("src/test/java"), module.resolveSibling("training-portal/src/test/java"));
        assertThat(roots.get(0)).as("this module's test sources").isDirectory();
        List<String> neverRun;
        try (Stream<Path> files = roots.stream().filter(Files::isDirectory).flatMap(TestClassNamesTest::javaFiles)) {
            neverRun = files.filter(f -> !PICKED.matcher(f.getFileName().toString()).matches())
                    .filter(TestClassNamesTest::declaresTests)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(neverRun).as("test classes whose names Surefire does not include").isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean declaresTests(Path file) {
        try {
            return DECLARES_TESTS.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
