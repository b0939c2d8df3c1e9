-- :checkhealth newslint — the Neovim version, the server executable, the corpus root of the
-- current buffer and the running servers. Reports through vim.health (0.8+) or the `health`
-- module that Neovim 0.7 ships.

local M = {}

local function reporter()
  local h = vim.health
  if h and h.start then -- 0.10+
    return { start = h.start, ok = h.ok, warn = h.warn, error = h.error, info = h.info }
  end
  h = h or require('health') -- 0.7 has only the `health` module
  return {
    start = h.report_start,
    ok = h.report_ok,
    warn = h.report_warn,
    error = h.report_error,
    info = h.report_info,
  }
end

function M.check()
  local report = reporter()
  local newslint = require('newslint')

  report.start('Neovim')
  if vim.fn.has('nvim-0.7') == 1 then
    local v = vim.version()
    report.ok(('Neovim %d.%d.%d'):format(v.major, v.minor, v.patch))
  else
    report.error('Neovim 0.7 or later is needed')
  end

  report.start('Configuration')
  local opts = newslint.options
  if not opts then
    report.warn('setup() has not been called', { "Add require('newslint').setup{} to your init.lua" })
    opts = require('newslint').defaults_for_health()
  else
    report.ok('setup() called; filetypes: ' .. table.concat(opts.filetypes, ', ')
      .. '; root markers: ' .. table.concat(opts.root_markers, ', '))
  end

  report.start('Server executable')
  local exe = opts.cmd[1]
  if vim.fn.executable(exe) == 1 then
    local path = vim.fn.exepath(exe)
    local version = vim.fn.system({ exe, 'version' })
    if vim.v.shell_error == 0 then
      report.ok(('%s (%s): %s'):format(exe, path, vim.trim(version)))
    else
      report.warn(('%s (%s) did not answer `version`: %s'):format(exe, path, vim.trim(version)))
    end
  else
    report.error(("'%s' is not executable"):format(exe), {
      'Build newslint and put it on PATH, or pass its path: setup{ cmd = { "/path/to/newslint", "serve" } }',
      'See docs/editors.md in the newslint repository',
    })
  end

  report.start('Article buffers')
  -- :checkhealth runs in a scratch buffer of its own, so look at every loaded buffer.
  local wanted = {}
  for _, ft in ipairs(opts.filetypes) do
    wanted[ft] = true
  end
  local seen = 0
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    local name = vim.api.nvim_buf_get_name(bufnr)
    if vim.api.nvim_buf_is_loaded(bufnr) and wanted[vim.bo[bufnr].filetype] and name ~= '' then
      seen = seen + 1
      local root = newslint.find_root(name, opts.root_markers)
      local attached = #newslint.clients(bufnr) > 0
      if root and attached then
        report.ok(name .. ': corpus ' .. root .. ', server attached')
      elseif root then
        report.warn(name .. ': corpus ' .. root .. ', but no server attached',
          { 'Run :NewslintRestart, and :NewslintInfo for the running servers' })
      else
        report.info(name .. ': no ' .. table.concat(opts.root_markers, ' or ')
          .. ' above it; the server does not start for it')
      end
    end
  end
  if seen == 0 then
    report.info('no buffer of filetype ' .. table.concat(opts.filetypes, ', ') .. ' is open')
  end

  report.start('Running servers')
  local clients = newslint.clients()
  if #clients == 0 then
    report.info('no newslint server is running')
  end
  for _, client in ipairs(clients) do
    report.ok(('client %d on %s'):format(client.id, client.config.root_dir or '?'))
  end
end

return M
