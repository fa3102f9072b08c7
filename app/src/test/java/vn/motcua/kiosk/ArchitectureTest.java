package vn.motcua.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture of design.md, checked: the core never touches JavaFX, the screens reach the
 * core through the workflow (never storage), and no two capabilities import each other.
 */
@AnalyzeClasses(packages = "vn.motcua.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverTouchesJavaFx = noClasses()
            .that().resideInAPackage("vn.motcua.kiosk..")
            .and().resideOutsideOfPackage("vn.motcua.kiosk.ui..")
            .and().resideOutsideOfPackage("vn.motcua.kiosk")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("adapters and domain code are plain Java; JavaFX code only shows and binds");

    @ArchTest
    static final ArchRule screensDoNotReachStorage = noClasses()
            .that().resideInAPackage("vn.motcua.kiosk.ui..")
            .should().dependOnClassesThat().resideInAPackage("vn.motcua.kiosk.store..")
            .because("the UI talks to the workflow only");

    @ArchTest
    static final ArchRule onlyTheLauncherKnowsTheUi = noClasses()
            .that().resideInAPackage("vn.motcua.kiosk..")
            .and().resideOutsideOfPackage("vn.motcua.kiosk.ui..")
            .and().doNotHaveFullyQualifiedName("vn.motcua.kiosk.Launcher")
            .should().dependOnClassesThat().resideInAPackage("vn.motcua.kiosk.ui..")
            .because("arrows point one way: an interface the core calls back through lives with the core");

    @ArchTest
    static final ArchRule capabilitiesFormNoCircles = slices()
            .matching("vn.motcua.kiosk.(*)..")
            .should().beFreeOfCycles();
}
