-- Views per story per hour: the source of "most read" lists. Totals live in stories.views.

create table story_views_hourly (
    story_id   bigint not null references stories (id) on delete cascade,
    hour_start timestamp with time zone not null,
    views      bigint not null,
    primary key (story_id, hour_start)
);

create index story_views_hourly_hour on story_views_hourly (hour_start);
