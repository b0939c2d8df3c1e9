;;; test.el --- Emacs (eglot) end-to-end test of editors/emacs/newslint.el  -*- lexical-binding: t; -*-

;; Run by tests/e2e/run_emacs.sh:
;;   NEWSLINT_BINARY=... NEWSLINT_CORPUS=... emacs --batch -Q -l test.el
;; `newslint-setup' starts the built server on a copy of examples/; the test waits for the
;; Flymake diagnostics, hovers, applies a code action through Eglot's own code-action path,
;; and shows the record.  Prints one `ok'/`not ok' line per step, then `N passed, N failed';
;; exits 1 on any failure.

;;; Code:

(require 'package)
;; Debian's elpa-eglot lives in /usr/share/emacs/site-lisp/elpa, which -Q leaves out.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'cl-lib)
(require 'subr-x)
(add-to-list 'load-path (expand-file-name "../../../editors/emacs"
                                          (file-name-directory load-file-name)))
(require 'newslint)

(defvar newslint-test-binary (getenv "NEWSLINT_BINARY"))
(defvar newslint-test-corpus (file-name-as-directory (getenv "NEWSLINT_CORPUS")))
(defvar newslint-test-article (expand-file-name "000_7e03111992a0022c.txt" newslint-test-corpus))
(defvar newslint-test-wait 20.0 "Seconds to wait for a condition before failing.")
(defvar newslint-test-passed 0)
(defvar newslint-test-failed 0)

(defun newslint-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defmacro newslint-test-step (name &rest body)
  "Run BODY as the step NAME; an error in BODY is a failure.  Return non-nil on success."
  (declare (indent 1))
  `(condition-case err
       (progn ,@body
              (cl-incf newslint-test-passed)
              (newslint-test-out "ok - %s" ,name)
              t)
     (error (cl-incf newslint-test-failed)
            (newslint-test-out "not ok - %s: %s" ,name (error-message-string err))
            nil)))

(defun newslint-test-wait-for (what pred)
  "Process server output until PRED returns non-nil (its value), or fail after a while."
  (let ((deadline (+ (float-time) newslint-test-wait))
        value)
    (while (and (not (setq value (funcall pred)))
                (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (or value (error "Timed out after %ss waiting for %s" newslint-test-wait what))))

(defun newslint-test-finish ()
  (newslint-test-out "%d passed, %d failed" newslint-test-passed newslint-test-failed)
  (let ((server (ignore-errors (eglot-current-server))))
    (when server (ignore-errors (eglot-shutdown server))))
  (kill-emacs (if (> newslint-test-failed 0) 1 0)))

(defun newslint-test-markup (contents)
  (eglot--hover-info contents))

(setq newslint-program newslint-test-binary
      newslint-server-args '("serve" "--debounce-ms" "0")
      eglot-sync-connect t
      eglot-autoshutdown nil
      eglot-events-buffer-size 0)

(defvar newslint-test-buffer nil)
(defvar newslint-test-server nil)
(defvar newslint-test-zane nil "The (BEG . END) of the flagged `Zane'.")

(unless
    (newslint-test-step "newslint-setup starts eglot for an article of the corpus"
      (newslint-setup)
      (setq newslint-test-buffer (find-file-noselect newslint-test-article))
      (set-buffer newslint-test-buffer)
      (cl-assert (derived-mode-p 'text-mode) nil "major mode is %s" major-mode)
      ;; eglot-ensure connects from the command loop's post-command-hook.
      (run-hooks 'post-command-hook)
      (setq newslint-test-server
            (newslint-test-wait-for "eglot to manage the buffer"
                                    (lambda () (and eglot--managed-mode (eglot-current-server)))))
      (cl-assert (equal (project-root (eglot--project newslint-test-server)) newslint-test-corpus)
                 nil "project root is %s" (project-root (eglot--project newslint-test-server))))
  (newslint-test-finish))

(unless
    (newslint-test-step "a Flymake name-variant diagnostic on `Zane'"
      (flymake-start)
      (let ((diag (newslint-test-wait-for
                   "a name-variant diagnostic on Zane"
                   (lambda ()
                     (cl-find-if (lambda (d)
                                   (and (string-match-p "\\[name-variant\\]" (flymake-diagnostic-text d))
                                        (equal (buffer-substring-no-properties
                                                (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                                               "Zane")))
                                 (flymake-diagnostics))))))
        (cl-assert (eq (flymake-diagnostic-type diag) 'eglot-warning) nil
                   "type %s" (flymake-diagnostic-type diag))
        (cl-assert (string-match-p "Zein" (flymake-diagnostic-text diag)) nil
                   "message %s" (flymake-diagnostic-text diag))
        (setq newslint-test-zane (cons (flymake-diagnostic-beg diag) (flymake-diagnostic-end diag)))))
  (newslint-test-finish))

(newslint-test-step "hover on `Zane' shows both spellings"
  (goto-char (car newslint-test-zane))
  (let* ((hover (jsonrpc-request newslint-test-server :textDocument/hover
                                 (eglot--TextDocumentPositionParams)))
         (text (newslint-test-markup (plist-get hover :contents))))
    (cl-assert (and (string-match-p "Zane" text) (string-match-p "Zein" text)) nil
               "hover text: %s" text)))

(newslint-test-step "newslint-record shows the cross-source record"
  (goto-char (car newslint-test-zane))
  (newslint-record)
  (let ((text (with-current-buffer "*newslint record*" (buffer-string))))
    (cl-assert (and (string-match-p "Zane" text) (string-match-p "Zein" text)) nil
               "record: %s" text)))

(newslint-test-step "the code action \"Use `Zein`\" rewrites the buffer"
  (set-buffer newslint-test-buffer)
  (goto-char (car newslint-test-zane))
  (let* ((actions (eglot-code-actions (car newslint-test-zane) (cdr newslint-test-zane)))
         (titles (mapcar (lambda (a) (plist-get a :title)) actions))
         (title (cl-find-if (lambda (s) (string-prefix-p "Use `Zein`" s)) titles)))
    (cl-assert title nil "no action titled \"Use `Zein`...\": %S" titles)
    ;; Eglot's own menu path: pick the title as a user would in the minibuffer.
    (cl-letf (((symbol-function 'completing-read)
               (lambda (&rest _) title))
              (last-nonmenu-event nil))
      (setq last-nonmenu-event 'newslint-test)
      (eglot--read-execute-code-action actions newslint-test-server))
    (let ((now (buffer-substring-no-properties (car newslint-test-zane)
                                               (+ 4 (car newslint-test-zane)))))
      (cl-assert (equal now "Zein") nil "the buffer says %s" now))
    ;; Eglot sends didChange from an idle timer, and batch Emacs is never idle.
    (eglot--signal-textDocument/didChange)))

(newslint-test-step "the Zane diagnostic goes away after the fix"
  (newslint-test-wait-for
   "the diagnostic to be withdrawn"
   (lambda ()
     (not (cl-find-if (lambda (d) (= (flymake-diagnostic-beg d) (car newslint-test-zane)))
                      (flymake-diagnostics))))))

(newslint-test-finish)
;;; test.el ends here
