-- The job queue moves onto db-scheduler (ADR 80). Its table, scheduled_tasks, holds the messages still to run (one
-- execution per queue and key: task_name = queue, task_instance = key, task_data = the payload in UTF-8).
-- The columns are those db-scheduler 16 reads and writes; varchar instead of text so H2 can index them.
create table scheduled_tasks (
    task_name            varchar(40)   not null,
    task_instance        varchar(200)  not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean       not null,
    picked_by            varchar(200),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint        not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);

-- jobs stays as the register of keys and outcomes (a key is put in once; counts for the newsletter screen; at most
-- once after a stop). Claims and leases are db-scheduler's now. Messages of the old queue are kept: claimed ones go
-- back to pending, and every pending one still carrying its payload is handed to db-scheduler at the next start;
-- one that had begun when the old version stopped is unknown, as before.
drop index jobs_due;
update jobs set state = 'pending' where state = 'claimed';
update jobs set state = 'unknown', finished_at = current_timestamp where state = 'running';
alter table jobs drop column node;
alter table jobs drop column lease_until;
alter table jobs drop column run_at;
alter table jobs alter column payload drop not null;
create index jobs_state on jobs (queue, state);
