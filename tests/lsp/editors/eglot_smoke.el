;;; eglot_smoke.el --- Emacs 28 + eglot 1.9 drive `pflint lsp' through editors/emacs  -*- lexical-binding: t; -*-
;; Open main.cf, wait for flymake diagnostics, hover, take the preferred code
;; action, apply it, and see the finding go.  eglot's strict mode is on, so a
;; malformed server message fails the test.  Writes "ok" to $PFLINT_RESULT.
(require 'cl-lib)
(add-to-list 'load-path (expand-file-name "emacs" (getenv "PFLINT_EDITORS")))
(require 'pflint)
(setq pflint-command (list (getenv "PFLINT") "lsp"))
(setq eglot-server-programs
      (cons `((pfmain-mode pfmaster-mode) . (pflint-server . ,pflint-command)) eglot-server-programs))
(setq eglot-strict-mode '(disallow-non-standard-keys enforce-required-keys))
(setq eglot-send-changes-idle-time 0)
;; No automatic hover at point (eldoc): eglot 1.9's strict mode rejects
;; the null result LSP allows where there is nothing to show. The test
;; sends its own hover request, on a parameter name.
(global-eldoc-mode -1)
(setq eglot-ignored-server-capabilities '(:hoverProvider))

(defun smoke-finish (ok message)
  (condition-case e (eglot-shutdown (eglot-current-server))
    (error (setq ok nil message (format "%s; shutdown: %S" message e))))
  (with-temp-file (getenv "PFLINT_RESULT") (insert (if ok "ok" (concat "FAIL: " message))))
  (kill-emacs (if ok 0 1)))

(defun smoke-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun smoke-codes ()
  (mapcar (lambda (d) (flymake-diagnostic-text d)) (flymake-diagnostics)))

(condition-case err
    (progn
      (find-file (expand-file-name "main.cf" (getenv "PFLINT_FIXTURE")))
      (unless (eq major-mode 'pfmain-mode) (error "main.cf is not in pfmain-mode but %s" major-mode))
      (apply #'eglot--connect (eglot--guess-contact))
      (eldoc-mode -1)
      (unless (smoke-wait (lambda () (cl-some (lambda (s) (string-match-p "smtp_use_tls" s)) (smoke-codes))) 15)
        (error "no smtp_use_tls diagnostic: %S" (smoke-codes)))
      (let* ((server (eglot-current-server))
             (hover (jsonrpc-request server :textDocument/hover
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :position (list :line 4 :character 3))))
             (text (plist-get (plist-get hover :contents) :value)))
        (unless (and text (string-match-p "relay/unix" text)) (error "hover lacks the override: %S" hover))
        (unless (equal (plist-get (plist-get hover :contents) :kind) "plaintext")
          (error "eglot without markdown-mode should get plaintext: %S" hover))
        (let* ((actions (jsonrpc-request server :textDocument/codeAction
                                         (list :textDocument (eglot--TextDocumentIdentifier)
                                               :range (list :start (list :line 3 :character 0)
                                                            :end (list :line 3 :character 0))
                                               :context (list :diagnostics []))))
               (fix (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
          (unless fix (error "no preferred fix: %S" actions))
          (eglot--apply-workspace-edit (plist-get fix :edit))
          (when (save-excursion (goto-char (point-min)) (search-forward "smtp_use_tls" nil t))
            (error "the fix left smtp_use_tls"))
          (eglot--signal-textDocument/didChange)
          (unless (smoke-wait (lambda () (not (cl-some (lambda (s) (string-match-p "smtp_use_tls" s)) (smoke-codes)))) 15)
            (error "the finding is still there: %S" (smoke-codes)))))
      (smoke-finish t ""))
  (error (smoke-finish nil (format "%S" err))))
