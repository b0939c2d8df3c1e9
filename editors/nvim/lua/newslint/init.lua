-- newslint for Neovim: starts `newslint serve` for article buffers inside a corpus (a folder
-- holding newslint.json) and adds user commands. Works on Neovim 0.7 and later: 0.8+ goes
-- through vim.lsp.start, 0.7 through vim.lsp.start_client + vim.lsp.buf_attach_client.
-- All analysis happens in the server; this file only starts it and forwards requests.

local M = {}

local uv = vim.loop

---@class newslint.Options
local defaults = {
  --- The server command; the first element is looked up on PATH.
  cmd = { 'newslint', 'serve' },
  --- Buffers of these filetypes are offered to the server.
  filetypes = { 'text' },
  --- The corpus root is the nearest parent folder holding one of these.
  root_markers = { 'newslint.json' },
  --- Start the server for a buffer with no root marker above it, using the file's folder.
  single_file = false,
  --- Sent with workspace/didChangeConfiguration and returned for workspace/configuration
  --- requests, under the section `newslint`.
  settings = {},
  --- Passed through to the client configuration.
  on_attach = nil,
  capabilities = nil,
  init_options = nil,
  handlers = nil,
}

M.options = nil ---@type newslint.Options|nil
local clients_by_root = {} -- root -> client id (0.7 path, and for :NewslintInfo)
local has_start = vim.lsp.start ~= nil -- Neovim 0.8+
local has_method_calls = vim.fn.has('nvim-0.11') == 1 -- client:notify/client:request

local function notify(msg, level)
  vim.notify('newslint: ' .. msg, level or vim.log.levels.INFO)
end

local function client_notify(client, method, params)
  if has_method_calls then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

local function is_stopped(client)
  if has_method_calls then
    return client:is_stopped()
  end
  return client.is_stopped()
end

local function stop(client, force)
  if has_method_calls then
    return client:stop(force)
  end
  return client.stop(force)
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ':h')
end

--- The nearest folder at or above `start` that holds one of the markers, or nil.
function M.find_root(start, markers)
  markers = markers or (M.options or defaults).root_markers
  local dir = vim.fn.fnamemodify(start, ':p')
  if not exists(dir) or vim.fn.isdirectory(dir) == 0 then
    dir = dirname(dir)
  end
  dir = dir:gsub('/+$', '')
  if dir == '' then
    dir = '/'
  end
  while true do
    for _, marker in ipairs(markers) do
      if exists(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = dirname(dir)
    if parent == dir then
      return nil
    end
    dir = parent
  end
end

--- The corpus root of a buffer, or nil when the server should not run for it.
function M.root_for(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or name:match('^%a[%w+.-]*://') then
    return nil -- unnamed or not a file
  end
  local root = M.find_root(name)
  if not root and M.options.single_file then
    root = dirname(vim.fn.fnamemodify(name, ':p'))
  end
  return root
end

local function client_config(root)
  local opts = M.options
  local user_on_init = opts.on_init
  return {
    name = 'newslint',
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    settings = { newslint = opts.settings },
    init_options = opts.init_options,
    capabilities = opts.capabilities,
    handlers = opts.handlers,
    on_attach = opts.on_attach,
    on_init = function(client, result)
      client_notify(client, 'workspace/didChangeConfiguration', { settings = client.config.settings })
      if user_on_init then
        user_on_init(client, result)
      end
    end,
    on_exit = function(code, signal, client_id)
      if clients_by_root[root] == client_id then
        clients_by_root[root] = nil
      end
      if code ~= 0 and code ~= 1 then
        vim.schedule(function()
          notify(('server exited with code %d (signal %d)'):format(code, signal or 0), vim.log.levels.WARN)
        end)
      end
    end,
  }
end

local function live_client(id)
  local client = id and vim.lsp.get_client_by_id(id)
  if client and not is_stopped(client) then
    return client
  end
  return nil
end

--- Starts (or reuses) the server for `bufnr` and attaches the buffer to it.
--- Returns the client id, or nil when the buffer is not part of a corpus.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not M.options then
    notify('call require("newslint").setup{} first', vim.log.levels.ERROR)
    return nil
  end
  local root = M.root_for(bufnr)
  if not root then
    return nil
  end
  if vim.fn.executable(M.options.cmd[1]) == 0 then
    notify(("'%s' is not executable; set cmd in setup{} (see :checkhealth newslint)"):format(M.options.cmd[1]),
      vim.log.levels.ERROR)
    return nil
  end
  local id
  if has_start then
    id = vim.lsp.start(client_config(root), { bufnr = bufnr })
  else
    id = clients_by_root[root]
    if not live_client(id) then
      id = vim.lsp.start_client(client_config(root))
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end
  clients_by_root[root] = id
  return id
end

--- The running newslint clients, optionally only those attached to `bufnr`.
function M.clients(bufnr)
  local out = {}
  if vim.lsp.get_clients then -- 0.10+
    return vim.lsp.get_clients({ name = 'newslint', bufnr = bufnr })
  end
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, client in pairs(all) do
    if client.name == 'newslint' then
      table.insert(out, client)
    end
  end
  return out
end

local function matching_buffers()
  local wanted = {}
  for _, ft in ipairs(M.options.filetypes) do
    wanted[ft] = true
  end
  local out = {}
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and wanted[vim.bo[bufnr].filetype] then
      table.insert(out, bufnr)
    end
  end
  return out
end

--- Stops every newslint client and starts them again for the buffers they served.
function M.restart()
  local stopping = M.clients()
  for _, client in ipairs(stopping) do
    stop(client)
  end
  clients_by_root = {}
  local ok = vim.wait(5000, function()
    for _, client in ipairs(stopping) do
      if not is_stopped(client) then
        return false
      end
    end
    return true
  end, 50)
  if not ok then
    for _, client in ipairs(stopping) do
      stop(client, true)
    end
  end
  for _, bufnr in ipairs(matching_buffers()) do
    M.attach(bufnr)
  end
end

--- Lines describing the running clients (for :NewslintInfo).
function M.info_lines()
  local lines = {}
  local opts = M.options or defaults
  table.insert(lines, 'newslint: cmd = ' .. table.concat(opts.cmd, ' '))
  local running = M.clients()
  if #running == 0 then
    table.insert(lines, 'no server running')
  end
  for _, client in ipairs(running) do
    local buffers = {}
    for bufnr in pairs(client.attached_buffers or {}) do
      table.insert(buffers, tostring(bufnr))
    end
    local server = client.server_info or {}
    local server_text = server.name and (', server ' .. server.name .. ' ' .. (server.version or '')) or ''
    table.insert(lines, ('client %d: root %s%s, position encoding %s, buffers %s'):format(
      client.id, client.config.root_dir or '?', server_text, client.offset_encoding or '?',
      table.concat(buffers, ',')))
  end
  return lines
end

--- Opens the cross-source record (the server's hover) of the name under the cursor in a
--- scratch window, where it stays while you read the articles.
function M.show_record()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.clients(bufnr)[1]
  if not client then
    notify('no newslint server attached to this buffer', vim.log.levels.WARN)
    return
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local handler = function(err, result)
    if err then
      notify('hover failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    if not result or not result.contents then
      notify('no record for the text under the cursor')
      return
    end
    local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
    while #lines > 0 and lines[#lines] == '' do
      table.remove(lines)
    end
    local record = vim.fn.bufnr('newslint://record')
    if record == -1 then
      record = vim.api.nvim_create_buf(false, true)
      vim.api.nvim_buf_set_name(record, 'newslint://record')
      vim.bo[record].bufhidden = 'hide'
    end
    vim.api.nvim_buf_set_lines(record, 0, -1, false, lines)
    vim.bo[record].filetype = 'markdown'
    if vim.fn.bufwinnr(record) == -1 then
      vim.cmd('botright split')
      vim.api.nvim_win_set_buf(0, record)
      vim.cmd('wincmd p')
    end
  end
  if has_method_calls then
    client:request('textDocument/hover', params, handler, bufnr)
  else
    client.request('textDocument/hover', params, handler, bufnr)
  end
end

local function create_commands()
  local command = vim.api.nvim_create_user_command
  command('NewslintRestart', M.restart, { desc = 'Restart the newslint language server' })
  command('NewslintInfo', function()
    vim.api.nvim_echo({ { table.concat(M.info_lines(), '\n') } }, false, {})
  end, { desc = 'Show the running newslint servers' })
  command('NewslintRecord', M.show_record, {
    desc = 'Show the cross-source record of the name under the cursor',
  })
end

--- The default options (for :checkhealth before setup()).
function M.defaults_for_health()
  return vim.deepcopy(defaults)
end

--- Configures the plugin: the server starts for buffers of `filetypes` inside a corpus.
---@param opts newslint.Options|nil
function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  -- Lists replace the defaults rather than merging index by index.
  for _, key in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if opts and opts[key] then
      M.options[key] = opts[key]
    end
  end
  create_commands()
  local group = vim.api.nvim_create_augroup('newslint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
    desc = 'Start newslint for articles in a corpus',
  })
  for _, bufnr in ipairs(matching_buffers()) do
    M.attach(bufnr)
  end
end

return M
