;;; newslint.el --- Eglot setup for the newslint language server  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9") (project "0.3.0"))
;; Keywords: languages, tools, wp
;; URL: https://newslint.dev

;;; Commentary:

;; newslint finds inconsistent spellings of names and conflicting dates across a folder of
;; plain-text news articles (a corpus: a folder holding newslint.json).  This package points
;; Eglot at `newslint serve' for `text-mode' buffers, makes the folder holding newslint.json
;; the project root (the server's workspace folder, hence the corpus), and starts Eglot for
;; articles inside a corpus.  All the analysis runs in the server.
;;
;;   (require 'newslint)
;;   (newslint-setup)
;;
;; Then open an article of a corpus: findings appear through Flymake, `eldoc' shows the
;; cross-source record of the name at point, `eglot-code-actions' offers the fixes.

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'project)

(defgroup newslint nil
  "Name spellings and dates that disagree across a news corpus."
  :group 'tools
  :prefix "newslint-")

(defcustom newslint-program "newslint"
  "The newslint executable: a name looked up on `exec-path', or a file name."
  :type 'string)

(defcustom newslint-server-args '("serve")
  "Arguments given to `newslint-program' to start the language server."
  :type '(repeat string))

(defcustom newslint-modes '(text-mode)
  "Major modes whose buffers are articles (derived modes included)."
  :type '(repeat symbol))

(defcustom newslint-root-markers '("newslint.json")
  "Files whose folder is the corpus root."
  :type '(repeat string))

(defcustom newslint-auto-start t
  "When non-nil, start Eglot for articles inside a corpus when they are opened."
  :type 'boolean)

(defun newslint-root (&optional dir)
  "The corpus root at or above DIR (default: `default-directory'), or nil."
  (let ((dir (or dir default-directory)))
    (cl-some (lambda (marker)
               (let ((found (locate-dominating-file dir marker)))
                 (and found (file-name-as-directory (expand-file-name found)))))
             newslint-root-markers)))

(defun newslint-contact (&optional _interactive)
  "The server command for `eglot-server-programs'."
  (cons (or (executable-find newslint-program)
            (user-error "newslint: `%s' not found; set `newslint-program' (see docs/editors.md)"
                        newslint-program))
        newslint-server-args))

;; A corpus is a project of its own, so that Eglot gives the server the folder holding
;; newslint.json as its workspace folder even inside a larger version-controlled tree.
(defun newslint-project-find (dir)
  "Return the corpus project containing DIR, for `project-find-functions'."
  (let ((root (newslint-root dir)))
    (and root (cons 'newslint root))))

(cl-defmethod project-root ((project (head newslint)))
  (cdr project))

(defun newslint--article-p ()
  "Non-nil when the buffer visits an article inside a corpus.
An article is a file in one of `newslint-modes'."
  (and buffer-file-name
       (apply #'derived-mode-p newslint-modes)
       (newslint-root)))

(defun newslint-maybe-start ()
  "Start Eglot for the current buffer when it is an article inside a corpus."
  (when (and newslint-auto-start (newslint--article-p))
    (eglot-ensure)))

(defun newslint-record ()
  "Show the cross-source record of the name at point in a buffer.
The record is the server's hover, kept open while you read on."
  (interactive)
  (let* ((server (eglot--current-server-or-lose))
         (hover (jsonrpc-request server :textDocument/hover
                                 (eglot--TextDocumentPositionParams)))
         (contents (and hover (plist-get hover :contents))))
    (if (not contents)
        (message "newslint: no record for the text at point")
      (let ((text (eglot--hover-info contents)))
        (with-current-buffer (get-buffer-create "*newslint record*")
          (let ((inhibit-read-only t))
            (erase-buffer)
            (insert text))
          (goto-char (point-min))
          (special-mode)
          (display-buffer (current-buffer)))))))

;;;###autoload
(defun newslint-setup ()
  "Configure Eglot for newslint and start it for articles inside a corpus."
  (interactive)
  (add-hook 'project-find-functions #'newslint-project-find -50)
  (setq eglot-server-programs
        (cons (cons newslint-modes #'newslint-contact)
              (cl-remove #'newslint-contact eglot-server-programs :key #'cdr)))
  (dolist (mode newslint-modes)
    (add-hook (intern (format "%s-hook" mode)) #'newslint-maybe-start))
  ;; Articles opened before the setup.
  (dolist (buffer (buffer-list))
    (with-current-buffer buffer
      (newslint-maybe-start))))

(provide 'newslint)
;;; newslint.el ends here
