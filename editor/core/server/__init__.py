"""The series on a team's PostgreSQL server (issue 15, decision 036): its schema, roles and setup."""
