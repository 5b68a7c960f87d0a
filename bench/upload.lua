-- POST the PDF named by UPLOAD_FILE to /upload as multipart/form-data (what curl -F file=@... sends)
local path = os.getenv("UPLOAD_FILE")
local file = assert(io.open(path, "rb"))
local content = file:read("*all")
file:close()
local boundary = "pigeonhole-bench-boundary"
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
    .. "Content-Type: application/pdf\r\n\r\n"
    .. content .. "\r\n--" .. boundary .. "--\r\n"
