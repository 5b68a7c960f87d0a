-- POST the file named by UPLOAD_FILE to /upload as multipart/form-data (what curl -F file=@... sends), as
-- UPLOAD_NAME (report.pdf) of UPLOAD_TYPE (application/pdf); done() prints how many answers had each status.
local path = os.getenv("UPLOAD_FILE")
local name = os.getenv("UPLOAD_NAME") or "report.pdf"
local type = os.getenv("UPLOAD_TYPE") or "application/pdf"
local file = assert(io.open(path, "rb"))
local content = file:read("*all")
file:close()
local boundary = "pigeonhole-bench-boundary"
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"file\"; filename=\"" .. name .. "\"\r\n"
    .. "Content-Type: " .. type .. "\r\n\r\n"
    .. content .. "\r\n--" .. boundary .. "--\r\n"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d: %d answers\n", status, count))
  end
end
