-- Drives `cplan lsp` from Neovim's built-in client (0.7 API: vim.lsp.start_client and
-- vim.lsp.buf_attach_client), for NeovimLSPIntegration. Reads CPLAN_BIN, PLAN_FILE and
-- OUT_FILE from the environment; writes what the client received to OUT_FILE as JSON and quits.
local out = {}
local function finish()
  local f = io.open(vim.env.OUT_FILE, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.PLAN_FILE))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'cplan',
    cmd = { vim.env.CPLAN_BIN, 'lsp', '--lang', 'en' },
    root_dir = vim.fn.fnamemodify(vim.env.PLAN_FILE, ':h'),
  })
  out.client = client_id ~= nil
  vim.lsp.buf_attach_client(buf, client_id)
  out.diagnostics_arrived = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, code = d.code, message = d.message })
  end
  -- Completion at the end of the last line (`add member K1 `): the org IDs.
  local last = vim.api.nvim_buf_line_count(buf) - 1
  local text = vim.api.nvim_buf_get_lines(buf, last, last + 1, false)[1]
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = last, character = #text } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 20000) or {}
  out.completion = {}
  for _, response in pairs(responses) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(out.completion, item.label) end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then out.error = tostring(err) end
finish()
