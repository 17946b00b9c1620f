package io.codedrop.ingest.domain;

import io.codedrop.common.Platform;
import io.codedrop.ingest.parsing.FileFormat;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Columns spelled as the API writes them ({@code upload}, {@code google_play}, {@code iOS}), as in the contract. */
final class Columns {
    private Columns() {
    }

    @Converter
    static class Kind implements AttributeConverter<JobKind, String> {
        @Override
        public String convertToDatabaseColumn(JobKind kind) {
            return kind == null ? null : kind.wireName();
        }

        @Override
        public JobKind convertToEntityAttribute(String value) {
            return value == null ? null : JobKind.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Converter
    static class Format implements AttributeConverter<FileFormat, String> {
        @Override
        public String convertToDatabaseColumn(FileFormat format) {
            return format == null ? null : format.wireName();
        }

        @Override
        public FileFormat convertToEntityAttribute(String value) {
            return value == null ? null : FileFormat.fromWire(value);
        }
    }

    @Converter
    static class PlatformLabel implements AttributeConverter<Platform, String> {
        @Override
        public String convertToDatabaseColumn(Platform platform) {
            return platform == null ? null : platform.label();
        }

        @Override
        public Platform convertToEntityAttribute(String value) {
            return value == null ? null : Platform.parse(value);
        }
    }
}
