-- POST a correction (no prediction_id, so every request stores a new record) for wrk.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("PIGEONHOLE_BENCH_API_KEY")
wrk.body = '{"text":"The goalie stopped every shot and the team won the hockey game in overtime.","predicted_label":"Science","true_label":"Sport"}'
