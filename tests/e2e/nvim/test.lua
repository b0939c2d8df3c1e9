-- Headless Neovim end-to-end test of editors/nvim: the plugin's setup{} starts the built
-- `newslint serve` on a copy of examples/, then the test waits for the diagnostics, hovers,
-- applies a code action, runs the plugin's commands and :checkhealth newslint.
--
--   NEWSLINT_BINARY=... NEWSLINT_CORPUS=... nvim --headless --clean -u NONE \
--     --cmd 'set rtp^=editors/nvim' -c 'luafile tests/e2e/nvim/test.lua'
--
-- Prints one `ok`/`not ok` line per step, then `N passed, N failed`; exits 1 on any failure.

local binary = assert(os.getenv('NEWSLINT_BINARY'), 'NEWSLINT_BINARY is not set')
local corpus = assert(os.getenv('NEWSLINT_CORPUS'), 'NEWSLINT_CORPUS is not set')
local article = corpus .. '/000_7e03111992a0022c.txt'
local WAIT_MS = 20000

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

--- Runs one step; a step that errors is a failure and the later steps still run when they can.
local function step(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. ': ' .. tostring(err))
  end
  return ok
end

local function finish()
  out(('%d passed, %d failed'):format(passed, failed))
  if failed > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

local function wait(what, cond)
  if not vim.wait(WAIT_MS, cond, 20) then
    error('timed out after ' .. WAIT_MS .. ' ms waiting for ' .. what, 2)
  end
end

local function client_request(client, method, params, bufnr)
  local done, response = false, nil
  local handler = function(err, result)
    response = { err = err, result = result }
    done = true
  end
  if vim.fn.has('nvim-0.11') == 1 then
    client:request(method, params, handler, bufnr)
  else
    client.request(method, params, handler, bufnr)
  end
  wait(method, function() return done end)
  if response.err then
    error(method .. ' failed: ' .. vim.inspect(response.err), 2)
  end
  return response.result
end

local function markup_text(contents)
  if type(contents) == 'string' then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, item in ipairs(contents) do
    table.insert(parts, type(item) == 'string' and item or item.value)
  end
  return table.concat(parts, '\n')
end

local newslint, bufnr, client, zane

local ok = step('setup{} starts the server for an article of the corpus', function()
  vim.cmd('filetype on')
  newslint = require('newslint')
  newslint.setup({ cmd = { binary, 'serve', '--debounce-ms', '0' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  bufnr = vim.api.nvim_get_current_buf()
  assert(vim.bo[bufnr].filetype == 'text', 'filetype is ' .. vim.bo[bufnr].filetype)
  wait('the client to attach and initialize', function()
    client = newslint.clients(bufnr)[1]
    return client ~= nil and client.initialized ~= false and client.server_capabilities ~= nil
  end)
  assert(client.config.root_dir == corpus, 'root_dir is ' .. tostring(client.config.root_dir))
end)
if not ok then
  return finish()
end

step('a name-variant diagnostic on `Zane`', function()
  wait('a name-variant diagnostic on Zane', function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'name-variant' and line:sub(d.col + 1, d.end_col) == 'Zane' then
        zane = d
        return true
      end
    end
    return false
  end)
  assert(zane.source == 'newslint', 'source is ' .. tostring(zane.source))
  assert(zane.message:find('Zein', 1, true), 'message does not mention Zein: ' .. zane.message)
end)
if not zane then
  return finish()
end

local position_params
step('hover on `Zane` shows both spellings', function()
  vim.api.nvim_win_set_cursor(0, { zane.lnum + 1, zane.col })
  position_params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local result = client_request(client, 'textDocument/hover', position_params, bufnr)
  assert(result and result.contents, 'no hover')
  local text = markup_text(result.contents)
  assert(text:find('Zane', 1, true) and text:find('Zein', 1, true), 'hover text: ' .. text)
end)

step(':NewslintRecord opens the cross-source record', function()
  vim.api.nvim_win_set_cursor(0, { zane.lnum + 1, zane.col })
  vim.cmd('NewslintRecord')
  wait('the record buffer', function()
    local record = vim.fn.bufnr('newslint://record')
    if record == -1 then
      return false
    end
    local text = table.concat(vim.api.nvim_buf_get_lines(record, 0, -1, false), '\n')
    return text:find('Zane', 1, true) ~= nil and text:find('Zein', 1, true) ~= nil
  end)
  assert(vim.api.nvim_get_current_buf() == bufnr, 'the cursor left the article')
end)

step('the code action "Use `Zein`" rewrites the buffer', function()
  vim.api.nvim_win_set_cursor(0, { zane.lnum + 1, zane.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  local diagnostics
  if vim.lsp.diagnostic.get_line_diagnostics then
    diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr)
  else
    diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = zane.lnum })) do
      table.insert(diagnostics, d.user_data and d.user_data.lsp)
    end
  end
  params.context = { diagnostics = diagnostics, only = { 'quickfix' } }
  local actions = client_request(client, 'textDocument/codeAction', params, bufnr) or {}
  local chosen, titles = nil, {}
  for _, action in ipairs(actions) do
    table.insert(titles, action.title)
    if not chosen and vim.startswith(action.title, 'Use `Zein`') then
      chosen = action
    end
  end
  assert(chosen, 'no action titled "Use `Zein`...": ' .. vim.inspect(titles))
  if not chosen.edit and not chosen.command then
    chosen = client_request(client, 'codeAction/resolve', chosen, bufnr)
  end
  assert(chosen.edit, 'the action has no WorkspaceEdit: ' .. vim.inspect(chosen))
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, zane.lnum, zane.lnum + 1, false)[1]
  local now = line:sub(zane.col + 1, zane.col + 4)
  assert(now == 'Zein', 'the buffer says ' .. now .. ' at the fixed range')
end)

step('the Zane diagnostic goes away after the fix', function()
  wait('the diagnostic to be withdrawn', function()
    for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = zane.lnum })) do
      if d.col == zane.col then
        return false
      end
    end
    return true
  end)
end)

step(':NewslintInfo lists the running server', function()
  local text = table.concat(newslint.info_lines(), '\n')
  assert(text:find('client ' .. client.id, 1, true), text)
  vim.cmd('silent NewslintInfo')
end)

step(':checkhealth newslint runs without errors', function()
  vim.cmd('silent checkhealth newslint')
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local text = table.concat(lines, '\n')
  assert(text:find('newslint', 1, true), 'no newslint section: ' .. text)
  assert(not text:find('ERROR', 1, true), text)
  assert(text:find('setup() called', 1, true), text)
  assert(text:find('newslint 0', 1, true) or text:find('version', 1, true), text)
  vim.cmd('tabclose')
end)

step(':NewslintRestart starts a new server for the open article', function()
  local old = client.id
  vim.cmd('NewslintRestart')
  wait('a new client', function()
    local c = newslint.clients(bufnr)[1]
    return c ~= nil and c.id ~= old
  end)
end)

for _, c in ipairs(newslint.clients()) do
  if vim.fn.has('nvim-0.11') == 1 then c:stop() else c.stop() end
end
finish()
