-- What a signed-in volunteer may see of a parked draft without its code: the procedure and the
-- applicant's name masked ("N*** V** A*"), sealed with the data key like every personal column.
ALTER TABLE drafts ADD COLUMN listing BLOB;
