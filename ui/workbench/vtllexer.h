// Syntax colouring for API Gateway mapping templates (Velocity Template Language) in a
// QScintilla editor: directives, references, strings, numbers, comments, the JSONPath inside
// $input.path('...') and $input.json('...'), and the plain text around them. The scanner is a
// static function over a QString so that it can be tested without an editor.
#pragma once

#include "qscintilla.h"

#include <QList>

namespace portico::workbench {

class VtlLexer : public QsciLexerCustom
{
    Q_OBJECT

public:
    enum Style {
        Default = 0, // text copied to the output as it is
        Comment = 1, // ## ... and #* ... *#
        Directive = 2, // #set #if #elseif #else #end #foreach #break #stop #macro #define
        Reference = 3, // $x ${x} $!x $input.path(...) and their properties and methods
        String = 4, // '...' and "..." inside directives and method arguments
        Number = 5,
        Operator = 6, // ( ) [ ] { } , = == && ! ... and the words and/or/not/in/true/false
        JsonPath = 7, // the path in $input.path('$.a') / $input.json('$.a')
    };

    explicit VtlLexer(QObject *parent = nullptr);

    const char *language() const override;
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;
    void styleText(int start, int end) override;

    // One style per UTF-16 code unit of `text`.
    static QList<Style> scan(const QString &text);
};

} // namespace portico::workbench
