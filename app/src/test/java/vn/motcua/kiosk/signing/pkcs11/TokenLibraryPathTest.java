package vn.motcua.kiosk.signing.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StreamTokenizer;
import org.junit.jupiter.api.Test;

/**
 * SunPKCS11 reads its config with a {@link StreamTokenizer} (quote char '"', where a backslash
 * escapes the next character): the library path must come back as written, Windows' too.
 */
class TokenLibraryPathTest {

    @Test
    void aWindowsPathWithSpacesReachesSunPkcs11Unchanged() throws IOException {
        String dll = "C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll";
        assertThat(asSunPkcs11ReadsIt(TokenLogin.libraryValue(dll))).isEqualTo(dll);
    }

    @Test
    void aLinuxPathWithSpacesReachesSunPkcs11Unchanged() throws IOException {
        String so = "/opt/Vendor Token/lib/libpkcs11.so";
        assertThat(asSunPkcs11ReadsIt(TokenLogin.libraryValue(so))).isEqualTo(so);
    }

    @Test
    void aPathWithoutSpacesIsLeftAsItIs() {
        assertThat(TokenLogin.libraryValue("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"))
                .isEqualTo("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
    }

    /** The value as sun.security.pkcs11.Config's tokenizer returns a quoted word. */
    private static String asSunPkcs11ReadsIt(String value) throws IOException {
        StreamTokenizer st = new StreamTokenizer(new StringReader(value));
        st.resetSyntax();
        st.wordChars(0x00, 0xFF);
        st.whitespaceChars(0x00, 0x20);
        st.quoteChar('"');
        st.nextToken();
        return st.sval;
    }
}
