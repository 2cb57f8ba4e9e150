-- Drives Neovim's built-in LSP client against blamelint-language-server:
-- open a file, wait for diagnostics, apply a code action, type a sentence.
-- Writes what Neovim received as JSON to $BLAMELINT_OUT, then quits.
-- Runs on Neovim 0.7 and later (vim.lsp.start_client, vim.diagnostic).
local out = os.getenv('BLAMELINT_OUT')
local steps = {}

--- Every diagnostic of the buffer, with the text its range covers.
local function snapshot(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source,
      code = d.code or lsp.code,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
      text = d.end_lnum == d.lnum and line:sub(d.col + 1, d.end_col) or vim.NIL,
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local function has(buf, test)
  for _, d in ipairs(snapshot(buf)) do
    if test(d) then return true end
  end
  return false
end

--- Request the code actions for the no-human-error diagnostic on line `lnum`
--- (as `vim.lsp.buf.code_action` does) and apply the first one `choose` accepts.
local function code_action(buf, lnum, choose)
  local diagnostic
  for _, d in ipairs(vim.diagnostic.get(buf, {lnum = lnum})) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (d.code or lsp.code) == 'no-human-error' then diagnostic = lsp end
  end
  assert(diagnostic, 'no no-human-error diagnostic on line ' .. lnum)
  if not diagnostic.range then
    -- Neovim 0.7 keeps the range out of user_data; its code action uses these.
    for _, candidate in ipairs(vim.lsp.diagnostic.get_line_diagnostics(buf, lnum)) do
      if candidate.code == 'no-human-error' then diagnostic = candidate end
    end
  end
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = {uri = vim.uri_from_bufnr(buf)},
    range = diagnostic.range,
    context = {diagnostics = {diagnostic}},
  }, 10000)
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      if choose(action) then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        return action.title
      end
    end
  end
  error('no matching code action on line ' .. lnum)
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('BLAMELINT_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'
  local client = vim.lsp.start_client({
    name = 'blamelint',
    cmd = {os.getenv('BLAMELINT_NODE'), os.getenv('BLAMELINT_SERVER'), '--stdio'},
    root_dir = vim.fn.getcwd(),
    init_options = {debounce = 50},
  })
  assert(client, 'the client did not start')
  vim.lsp.buf_attach_client(buf, client)

  assert(vim.wait(20000, function() return has(buf, function(d) return d.code == 'no-human-error' end) end, 20), 'no diagnostics after opening')
  table.insert(steps, {step = 'open', diagnostics = snapshot(buf)})

  -- Apply the first quick fix on the table row (after an emoji), then disable the rule for line 6.
  local fixed = code_action(buf, 11, function(action) return action.title:match('^Replace') ~= nil end)
  assert(vim.wait(20000, function()
    return not has(buf, function(d) return d.code == 'no-human-error' and d.lnum == 11 end)
  end, 20), 'the diagnostic stayed after the quick fix')
  local disabled = code_action(buf, 5, function(action) return action.title == 'Disable no-human-error for this line' end)
  assert(vim.wait(20000, function()
    return not has(buf, function(d) return d.code == 'no-human-error' and d.lnum == 5 end)
  end, 20), 'the diagnostic stayed after disabling the rule for the line')
  table.insert(steps, {
    step = 'code actions',
    titles = {fixed, disabled},
    lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false),
    diagnostics = snapshot(buf),
  })

  -- Type a new sentence at the end of the file.
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, {'', 'Then the 日本 failover was a disaster.'})
  assert(vim.wait(20000, function()
    return has(buf, function(d) return d.lnum == last + 1 end)
  end, 20), 'no diagnostic for the typed sentence')
  table.insert(steps, {step = 'edit', diagnostics = snapshot(buf)})

  vim.lsp.stop_client(client)
end

local ok, err = pcall(run)
local file = io.open(out, 'w')
file:write(vim.fn.json_encode({ok = ok, error = ok and vim.NIL or tostring(err), steps = steps}))
file:close()
vim.cmd('qall!')
