package dev.flof.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentSecretsTest {
    @Test
    void environmentWinsOverTheOwnerOnlyFileAndNothingLeaks(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("secrets");
        Files.writeString(f, "# keys\nDATABENTO_API_KEY=db-file-key-123\nBINANCE_SECRET=bn-file-secret\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        EnvironmentSecrets s = EnvironmentSecrets.load(Map.of("DATABENTO_API_KEY", "db-env-key-456"), f.toString());
        assertEquals(Optional.of("db-env-key-456"), s.secret("DATABENTO_API_KEY"));
        assertEquals(Optional.of("bn-file-secret"), s.secret("BINANCE_SECRET"));
        assertEquals(Optional.empty(), s.secret("IB_ACCOUNT"));
        assertFalse(s.toString().contains("db-env-key-456"));
        assertFalse(s.toString().contains("bn-file-secret"));
    }

    @Test
    void aFileOthersCanReadIsRefused(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("secrets");
        Files.writeString(f, "DATABENTO_API_KEY=db-file-key-123\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = assertThrows(ConfigException.class, () -> EnvironmentSecrets.load(Map.of(), f.toString()));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("db-file-key-123"));
    }

    @Test
    void aMalformedLineIsReportedWithoutEchoingIt(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("secrets");
        Files.writeString(f, "just-a-secret-value\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        ConfigException e = assertThrows(ConfigException.class, () -> EnvironmentSecrets.load(Map.of(), f.toString()));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("just-a-secret-value"));
    }
}
