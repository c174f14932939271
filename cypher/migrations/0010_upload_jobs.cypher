// Upload jobs (server/uploads): files sent through the API and loaded in the background, looked up by id.
CREATE CONSTRAINT upload_job_id IF NOT EXISTS FOR (j:UploadJob) REQUIRE j.id IS UNIQUE;
