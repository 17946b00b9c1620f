package io.codedrop.common.api;

import java.util.List;

/** The shape of every paginated list: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
