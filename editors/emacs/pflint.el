;;; pflint.el --- Postfix main.cf / master.cf modes and the pflint language server  -*- lexical-binding: t; -*-

;; A small major mode for each Postfix file (comments, highlighting of
;; names, -o options and $names) and an eglot setup that starts
;; `pflint lsp' for both.  Works with Emacs 28 and eglot 1.9 (Debian 12:
;; apt install emacs-nox elpa-eglot).
;;
;; (add-to-list 'load-path "/path/to/pflint/editors/emacs")
;; (require 'pflint)
;; (add-hook 'pfmain-mode-hook #'eglot-ensure)
;; (add-hook 'pfmaster-mode-hook #'eglot-ensure)

;;; Code:

(require 'eglot)

(defgroup pflint nil "Postfix configuration with pflint." :group 'languages)

(defcustom pflint-command '("pflint" "lsp")
  "The command line that starts the pflint language server."
  :type '(repeat string))

(defcustom pflint-initialization-options nil
  "Settings sent to the server: a plist such as (:postfixVersion \"3.7\")."
  :type 'plist)

(defvar pfmain-font-lock-keywords
  '(("^\\([A-Za-z0-9_]+\\)[ \t]*=" 1 font-lock-variable-name-face)
    ("\\$[{(]?\\([A-Za-z0-9_]+\\)" 1 font-lock-constant-face)))

(defvar pfmaster-font-lock-keywords
  '(("^\\([^ \t#][^ \t]*\\)" 1 font-lock-function-name-face)
    ("[ \t]\\(-o\\)[ \t]+\\([A-Za-z0-9_]+\\)" (1 font-lock-keyword-face) (2 font-lock-variable-name-face))
    ("\\$[{(]?\\([A-Za-z0-9_]+\\)" 1 font-lock-constant-face)))

(defun pflint--comment-setup ()
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*"))

;;;###autoload
(define-derived-mode pfmain-mode prog-mode "pfmain"
  "Major mode for Postfix main.cf."
  (modify-syntax-entry ?# "<" pfmain-mode-syntax-table)
  (modify-syntax-entry ?\n ">" pfmain-mode-syntax-table)
  (modify-syntax-entry ?_ "_" pfmain-mode-syntax-table)
  (pflint--comment-setup)
  (setq-local font-lock-defaults '(pfmain-font-lock-keywords)))

;;;###autoload
(define-derived-mode pfmaster-mode prog-mode "pfmaster"
  "Major mode for Postfix master.cf."
  (modify-syntax-entry ?# "<" pfmaster-mode-syntax-table)
  (modify-syntax-entry ?\n ">" pfmaster-mode-syntax-table)
  (modify-syntax-entry ?_ "_" pfmaster-mode-syntax-table)
  (pflint--comment-setup)
  (setq-local font-lock-defaults '(pfmaster-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("/main\\.cf\\(\\.proto\\)?\\'" . pfmain-mode))
;;;###autoload
(add-to-list 'auto-mode-alist '("/master\\.cf\\(\\.proto\\)?\\'" . pfmaster-mode))

(defclass pflint-server (eglot-lsp-server) ()
  :documentation "The pflint language server.")

(cl-defmethod eglot-initialization-options ((_server pflint-server))
  (or pflint-initialization-options eglot--{}))

(add-to-list 'eglot-server-programs
             `((pfmain-mode pfmaster-mode) . (pflint-server . ,pflint-command)))

(provide 'pflint)
;;; pflint.el ends here
