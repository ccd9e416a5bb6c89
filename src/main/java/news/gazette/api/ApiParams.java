package news.gazette.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import news.gazette.platform.web.BadRequestException;

/**
 * Reads query and path parameters strictly: anything malformed is a 400 problem detail saying which.
 */
final class ApiParams {

    private ApiParams() {
    }

    /** A whole number from 1 to {@code max}; {@code fallback} when absent. */
    static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > max) {
            throw new BadRequestException("Not a limit: " + value, "api.problem.limit", max);
        }
        return Integer.parseInt(value);
    }

    /** {@code include}: absent for summaries, {@code body} for stories with their bodies (HTML and blocks). */
    static boolean withBody(String include) {
        if (include == null) {
            return false;
        }
        if (!include.equals("body")) {
            throw new BadRequestException("Not an include: " + include, "api.problem.include");
        }
        return true;
    }

    static long id(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw new BadRequestException("Not a story id: " + value, "api.problem.id");
        }
        return Long.parseLong(value);
    }

    /**
     * A date ({@code 2026-05-01}, the start of that day where the outlet is) or a date and time with an offset
     * ({@code 2026-05-01T08:00:00Z}); {@code null} when absent.
     */
    static Instant time(String name, String value, ZoneId zone) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Not a time: " + value, "api.problem.time", name);
        }
    }
}
