// OrleansBatch dashboard: live updates by server-sent events. The pages work without this script;
// it only keeps the job list and a job page current while they are open.
"use strict";

function setText(root, field, text) {
  const el = root.querySelector(`[data-field="${field}"]`);
  if (el && el.textContent !== text) el.textContent = text;
}

function count(n) { return Number(n).toLocaleString("en-US"); }

function duration(s) {
  if (s === null || s === undefined) return "—";
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.floor(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function updateProgress(root, job) {
  const bar = root.querySelector("[data-progress]");
  if (!bar) return;
  const share = n => (job.total === 0 ? 0 : (100 * n) / job.total) + "%";
  bar.querySelector('[data-part="ok"]').style.width = share(job.succeeded);
  bar.querySelector('[data-part="bad"]').style.width = share(job.failed);
  bar.querySelector('[data-part="run"]').style.width = share(job.running);
  bar.setAttribute("aria-valuenow", String(job.percent));
}

function updateStatus(root, status) {
  const el = root.querySelector('[data-field="status"]');
  if (el && el.textContent !== status) {
    el.textContent = status;
    el.className = `status status-${status.toLowerCase()}`;
  }
}

// The job list: one event per second with the rows of this page.
function liveJobList(table) {
  const source = new EventSource(table.dataset.liveJobs);
  const notice = document.querySelector("[data-new-jobs]");
  source.addEventListener("jobs", e => {
    for (const job of JSON.parse(e.data)) {
      const row = table.querySelector(`tr[data-job="${CSS.escape(job.name)}"]`);
      if (!row) {
        if (notice) notice.hidden = false;
        continue;
      }
      updateStatus(row, job.status);
      updateProgress(row, job);
      setText(row, "batches", `${job.succeeded} + ${job.failed} / ${job.total} mini-batches · ${job.percent}%`);
      setText(row, "items", `${count(job.itemsSucceeded)} ok` + (job.itemsFailed > 0 ? ` · ${count(job.itemsFailed)} failed` : ""));
    }
  });
}

// A job page: progress, throughput samples, per-silo view and the log, until the job has ended.
function liveJob(section) {
  const source = new EventSource(section.dataset.liveJob);
  const log = section.querySelector("[data-log]");
  const svg = section.querySelector("[data-throughput]");
  const samples = [];
  let seen = -1, last = null;
  source.addEventListener("job", e => {
    const job = JSON.parse(e.data);
    updateStatus(section, job.status);
    updateProgress(section, job);
    setText(section, "percent", `${job.percent}%`);
    for (const f of ["total", "succeeded", "failed", "running", "pending"]) setText(section, f, String(job[f]));
    for (const f of ["itemsSucceeded", "itemsFailed", "rowsWritten"]) setText(section, f, count(job[f]));
    setText(section, "eta", duration(job.etaSeconds));
    const items = job.itemsSucceeded + job.itemsFailed;
    if (last && job.at > last.at) {
      samples.push((items - last.items) / ((job.at - last.at) / 1000));
      if (samples.length > 120) samples.shift();
      drawThroughput(svg, samples);
      setText(section, "rate", `${samples[samples.length - 1].toFixed(1)} items/s now · peak ${Math.max(...samples).toFixed(1)} items/s (top of the chart)`);
    }
    last = { at: job.at, items };
    const download = section.querySelector("[data-download]");
    if (download) download.hidden = job.status !== "Completed";
    const cancel = section.querySelector("[data-cancel]");
    if (cancel && job.terminal) cancel.hidden = true;
  });
  source.addEventListener("silos", e => {
    const body = section.querySelector("[data-silos]");
    body.replaceChildren(...JSON.parse(e.data).map(s => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = s.silo;
      tr.append(th);
      for (const v of [s.miniBatches, s.failed, count(s.items), s.averageMs, s.workers]) {
        const td = document.createElement("td");
        td.textContent = String(v);
        tr.append(td);
      }
      return tr;
    }));
  });
  source.addEventListener("log", e => {
    const entry = JSON.parse(e.data);
    if (entry.index <= seen) return; // a reconnect resends from the start
    seen = entry.index;
    const follow = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    log.append((log.textContent.length ? "\n" : "") + entry.line);
    if (follow) log.scrollTop = log.scrollHeight;
  });
  source.addEventListener("end", () => {
    source.close();
    section.dataset.ended = "true";
  });
}

function drawThroughput(svg, samples) {
  const line = svg.querySelector("polyline");
  const max = Math.max(1, ...samples);
  const step = 400 / Math.max(1, samples.length - 1);
  line.setAttribute("points", samples.map((v, i) => `${(i * step).toFixed(1)},${(118 - (v / max) * 110).toFixed(1)}`).join(" "));
}

document.querySelectorAll("[data-live-jobs]").forEach(liveJobList);
document.querySelectorAll("[data-live-job]").forEach(liveJob);
