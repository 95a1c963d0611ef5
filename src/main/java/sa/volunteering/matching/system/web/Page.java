package sa.volunteering.matching.system.web;

import java.util.List;

/** A page of items with the total, so that a client can show "3 of 12". */
public record Page<T>(List<T> items, int page, int size, long total) {}
